using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PluginHost.Contracts.Journal;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Posting;

/// <summary>
/// The journal columns a rule reads (<c>line.OutputQuantity</c>, <c>input1.ItemNo</c>), found in its expressions, in the
/// order they first appear: the cells an error workbook marks when the rule fails on a row, the first of them the
/// column its message names. A computed property counts as the columns it is <see cref="DerivedFromAttribute">derived
/// from</see>; a guard such as <c>IsReturn</c> counts as none.
/// </summary>
internal static partial class RuleFields
{
    // Weak on the rule: a host that reloads changed rule files (serve) lets the old definitions go with their entries.
    private static readonly ConditionalWeakTable<RuleDefinition, IReadOnlyList<string>> Cache = new();

    public static IReadOnlyList<string> Of(RuleDefinition rule, Type lineType) => Cache.GetValue(rule, r => Read(r, lineType));

    private static IReadOnlyList<string> Read(RuleDefinition rule, Type lineType) =>
        Expressions(rule).SelectMany(e => LineField().Matches(e).Select(m => m.Groups[1].Value))
            .SelectMany(name => ColumnsOf(lineType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)))
            .Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> ColumnsOf(PropertyInfo? property) =>
        property is null ? []
        : property.GetCustomAttribute<ColumnAttribute>() is not null ? [property.Name]
        : property.GetCustomAttribute<DerivedFromAttribute>()?.Properties ?? [];

    private static IEnumerable<string> Expressions(RuleDefinition rule) =>
        rule.LocalParams.Select(p => p.Expression.Value)
            .Concat(rule.Expression is { } e ? [e.Value] : [])
            .Concat(rule.Rules.SelectMany(Expressions));

    [GeneratedRegex(@"\b(?:line|input1)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex LineField();
}
