using System.Linq.Expressions;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// The names an expression can use where it stands: the inputs (<c>line</c>, <c>input1</c> ...), the GlobalParams, and the
/// LocalParams of its rule and the rules around it, each a typed parameter of RulesEngine's parser. Immutable: a nested
/// rule sees its parent's scope and adds to a copy.
/// </summary>
internal sealed class ExpressionScope
{
    private readonly IReadOnlyList<(ParameterExpression Parameter, string Kind)> _names;

    private ExpressionScope(IReadOnlyList<(ParameterExpression, string)> names) => _names = names;

    /// <summary>An empty scope.</summary>
    public static ExpressionScope Empty { get; } = new([]);

    /// <summary>The parameters, in the order they were added.</summary>
    public ParameterExpression[] Parameters => [.. _names.Select(n => n.Parameter)];

    /// <summary>This scope and one more name; <paramref name="kind"/> says what it is (input, GlobalParam, LocalParam ...).</summary>
    public ExpressionScope With(ParameterExpression parameter, string kind) => new([.. _names, (parameter, kind)]);

    /// <summary>The parameter of a name, matched as RulesEngine does (in any case), or null.</summary>
    public ParameterExpression? Find(string name) =>
        _names.LastOrDefault(n => string.Equals(n.Parameter.Name, name, StringComparison.OrdinalIgnoreCase)).Parameter;

    /// <summary>What a name is (input, GlobalParam ...), or null when it is not in scope.</summary>
    public string? KindOf(string name) =>
        _names.LastOrDefault(n => string.Equals(n.Parameter.Name, name, StringComparison.OrdinalIgnoreCase)).Kind;

    /// <summary>The names in scope, grouped by kind for messages: "inputs: line, applied; GlobalParams: AllowPostingFrom".</summary>
    public string Describe() => string.Join("; ", _names.GroupBy(n => n.Kind).Select(g => $"{g.Key}s: {Listed(g.Select(n => n.Parameter.Name!).ToList())}"));

    /// <summary>Names, RulesEngine's input1, input2 ... aliases after the names they stand for.</summary>
    private static string Listed(List<string> names)
    {
        var aliases = names.Where(n => n.StartsWith("input", StringComparison.Ordinal) && n.Length > 5 && n[5..].All(char.IsAsciiDigit)).ToList();
        var named = names.Except(aliases).ToList();
        return named.Count == 0 || aliases.Count == 0 ? string.Join(", ", names) : $"{string.Join(", ", named)} (also {string.Join(", ", aliases)})";
    }

    /// <summary>Every name in scope.</summary>
    public IEnumerable<string> Names => _names.Select(n => n.Parameter.Name!);
}
