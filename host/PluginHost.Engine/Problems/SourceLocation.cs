namespace PluginHost.Engine.Problems;

/// <summary>
/// Where a problem is: a cell of a workbook, a place in a rule file, or both (a rule that failed on a row).
/// Every field is optional; <see cref="ToString"/> prints what is known like a compiler does.
/// </summary>
public sealed record SourceLocation
{
    /// <summary>The file: a workbook, a rule file, a template or a plugin assembly.</summary>
    public string? File { get; init; }

    /// <summary>Worksheet name.</summary>
    public string? Sheet { get; init; }

    /// <summary>Worksheet row, 1-based as Excel shows it.</summary>
    public int? Row { get; init; }

    /// <summary>Column header as the workbook spells it.</summary>
    public string? Column { get; init; }

    /// <summary>Cell reference such as <c>F12</c>.</summary>
    public string? Cell { get; init; }

    /// <summary>Workflow name of a rule file.</summary>
    public string? Workflow { get; init; }

    /// <summary>Rule name.</summary>
    public string? Rule { get; init; }

    /// <summary>For a rule's failure on a row: the line fields its expression reads (<c>OutputQuantity</c> ...), to mark their cells.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Line in a text file (1-based).</summary>
    public int? Line { get; init; }

    /// <summary>Column in a text file (1-based).</summary>
    public int? Position { get; init; }

    /// <summary>A location in a text file.</summary>
    public static SourceLocation InText(string file, int line, int position) => new() { File = file, Line = line, Position = position };

    /// <summary>Prints e.g. <c>Output Journal!F12</c>, <c>rules/x.json(14,22)</c> or <c>journal.xlsx</c>.</summary>
    public override string ToString()
    {
        if (Sheet is not null)
        {
            return Cell is not null ? $"{Sheet}!{Cell}" : Row is not null ? $"{Sheet} row {Row}" : Sheet;
        }
        if (File is not null && Line is not null)
            return $"{File}({Line},{Position ?? 1})";
        return File ?? Rule ?? "";
    }
}
