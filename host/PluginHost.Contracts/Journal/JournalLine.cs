namespace PluginHost.Contracts.Journal;

/// <summary>
/// Base of every plugin's typed journal line. The host creates lines through a public parameterless
/// constructor and fills the properties marked with <see cref="ColumnAttribute"/> from the workbook.
/// </summary>
public abstract class JournalLine
{
    /// <summary>The worksheet row (1-based, as Excel shows it).</summary>
    public int Row { get; init; }

    /// <summary>The worksheet the line came from.</summary>
    public string Sheet { get; init; } = "";
}
