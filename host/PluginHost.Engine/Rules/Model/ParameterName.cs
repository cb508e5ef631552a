namespace PluginHost.Engine.Rules.Model;

/// <summary>
/// Whether a GlobalParam or LocalParam name can be written in an expression: an identifier of RulesEngine's expression
/// language (System.Linq.Dynamic.Core) that is not one of its words. A name that a type of the language would shadow
/// (<c>Math</c>, <c>DateOnly</c>) is found when the expressions are parsed.
/// </summary>
public static class ParameterName
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "it", "parent", "root", "new", "iif", "np", "as", "is", "cast", "and", "or", "not", "in",
    };

    /// <summary>The words a parameter may not be named, for messages.</summary>
    public static string ReservedList => string.Join(", ", Reserved.Order(StringComparer.Ordinal));

    /// <summary>True for a name of letters (å, ä, ö, ø, æ too), digits and _ that does not start with a digit and is not a word of the language.</summary>
    public static bool IsPlain(string name) =>
        name.Length is > 0 and <= 128
        && (char.IsLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsLetterOrDigit(c) || c == '_')
        && !Reserved.Contains(name);
}
