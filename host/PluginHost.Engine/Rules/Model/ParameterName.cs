namespace PluginHost.Engine.Rules.Model;

/// <summary>
/// Whether a GlobalParam or LocalParam name is a plain C# identifier. Checked without the compiler, so that reading
/// a rule file (which a cached load does) never loads Roslyn.
/// </summary>
public static class ParameterName
{
    private static readonly HashSet<string> Reserved =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
        // RulesEngine's operator words, which the dialect rewrites, and its iif.
        "and", "or", "not", "iif",
    ];

    /// <summary>
    /// True for a name of ASCII letters, digits and _ that does not start with a digit or <c>__</c> (the generated
    /// code's names) and is not a C# keyword nor one of RulesEngine's operator words.
    /// </summary>
    public static bool IsPlain(string name) =>
        name.Length is > 0 and <= 128
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
        && !name.StartsWith("__", StringComparison.Ordinal)
        && !Reserved.Contains(name.ToLowerInvariant());
}
