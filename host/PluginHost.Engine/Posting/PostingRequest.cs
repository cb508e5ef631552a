using System.Globalization;

namespace PluginHost.Engine.Posting;

/// <summary>What the user asked to post or validate.</summary>
public sealed record PostingRequest
{
    /// <summary>The workbook.</summary>
    public required string WorkbookPath { get; init; }

    /// <summary>The plugin chosen with --plugin, or null to detect it.</summary>
    public string? Plugin { get; init; }

    /// <summary>The sheet chosen with --sheet, or null to find it.</summary>
    public string? Sheet { get; init; }

    /// <summary>Culture for text numbers and dates in cells.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>The language and culture of the report.</summary>
    public Reports.Languages.ReportLanguage Language { get; init; } = Reports.Languages.ReportLanguage.English;

    /// <summary>Who posts.</summary>
    public string User { get; init; } = Environment.UserName;

    /// <summary>Told the number of rows read so far, every thousand rows (for a progress bar); null for none.</summary>
    public IProgress<int>? RowsRead { get; init; }

    /// <summary>Filled in with the time each stage took (the <c>bench</c> command); null, the default, measures nothing.</summary>
    public StageTimings? Timings { get; init; }

    /// <summary>Check and show what would be posted, write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where the error workbook of a refused batch goes; null for next to the workbook (NAME.errors.xlsx).</summary>
    public string? ErrorsPath { get; init; }

    /// <summary>Where the report goes; null for next to the workbook (NAME.report.html).</summary>
    public string? ReportPath { get; init; }
}
