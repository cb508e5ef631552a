namespace PluginHost.Engine.Problems;

/// <summary>
/// An expected failure, as a value: bad input, a refused line, a rule file or plugin that does not load.
/// Printed like a compiler message: <c>Output Journal!F12: error CELL001: "abc" is not a number</c>.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code, e.g. <c>CELL001</c> or the rule name for rule failures.</param>
/// <param name="Message">The text, naming the offending values.</param>
/// <param name="Where">Where it is.</param>
public sealed record Problem(Severity Severity, string Code, string Message, SourceLocation Where)
{
    /// <summary>An error.</summary>
    public static Problem Error(string code, string message, SourceLocation where) => new(Severity.Error, code, message, where);

    /// <summary>A warning.</summary>
    public static Problem Warning(string code, string message, SourceLocation where) => new(Severity.Warning, code, message, where);

    /// <summary>True for an error.</summary>
    public bool IsError => Severity == Severity.Error;

    /// <inheritdoc />
    public override string ToString() => ToString(Languages.HostText.English);

    /// <summary>As a compiler message whose severity is said in <paramref name="text"/>'s language: <c>Utflödesjournal!F3: fel CELL001: ...</c>.</summary>
    public string ToString(Languages.HostText text)
    {
        var where = Where.ToString();
        var prefix = where.Length > 0 ? where + ": " : "";
        return $"{prefix}{text[IsError ? "Severity.Error" : "Severity.Warning"]} {Code}: {Message}";
    }
}
