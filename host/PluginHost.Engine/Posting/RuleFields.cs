using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Posting;

/// <summary>
/// The line fields a rule reads (<c>line.OutputQuantity</c>, <c>input1.ItemNo</c>), found in its expressions: the cells
/// an error workbook marks when the rule fails on a row.
/// </summary>
internal static partial class RuleFields
{
    private static readonly ConcurrentDictionary<RuleDefinition, IReadOnlyList<string>> Cache = new();

    public static IReadOnlyList<string> Of(RuleDefinition rule) => Cache.GetOrAdd(rule, Read);

    private static IReadOnlyList<string> Read(RuleDefinition rule) =>
        Expressions(rule).SelectMany(e => LineField().Matches(e).Select(m => m.Groups[1].Value)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static IEnumerable<string> Expressions(RuleDefinition rule) =>
        rule.LocalParams.Select(p => p.Expression.Value)
            .Concat(rule.Expression is { } e ? [e.Value] : [])
            .Concat(rule.Rules.SelectMany(Expressions));

    [GeneratedRegex(@"\b(?:line|input1)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex LineField();
}
