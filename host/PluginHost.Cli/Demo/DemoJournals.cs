using PluginHost.Engine.Workbooks;

namespace PluginHost.Cli.Demo;

/// <summary>
/// The demo's output journals: original output, corrections with one line that reverses more than remains, and
/// the same corrections fixed. Together they tell the story a user lives: post, get refused, fix, post.
/// </summary>
internal static class DemoJournals
{
    private static readonly string[] Headers =
        ["Posting Date", "Document No.", "Prod. Order No.", "Item No.", "Operation No.", "Run Time", "Output Quantity", "Applies-to Entry", "Comment"];

    public static IReadOnlyList<(string FileName, string Story)> Write(string folder)
    {
        var originals = new List<IReadOnlyList<object?>>
        {
            Line("2026-11-02", "OUT-1001", "PO-1001", "BIKE-100", "10", 120m, 10m, null, "frames welded"),
            Line("2026-11-02", "OUT-1002", "PO-1001", "BIKE-100", "20", 45.5m, 10m, null, "frames painted"),
            Line("2026-11-03", "OUT-1003", "PO-1002", "WHEEL-200", "10", 200m, 40m, null, "wheels laced"),
        };
        var corrections = new List<IReadOnlyList<object?>>
        {
            Line("2026-11-05", "REV-2001", "PO-1001", "BIKE-100", "10", -48m, -4m, 1L, "4 frames scrapped, not output"),
            Line("2026-11-05", "REV-2002", "PO-1002", "WHEEL-200", "10", -200m, -40m, 3L, "posted on the wrong order"),
            Line("2026-11-05", "REV-2003", "PO-1001", "BIKE-100", "20", -50m, -12m, 2L, "typed 12 instead of 10"),
        };
        var fixedCorrections = corrections.Take(2)
            .Append(Line("2026-11-05", "REV-2003", "PO-1001", "BIKE-100", "20", -45.5m, -10m, 2L, "full reversal of entry 2"))
            .ToList();

        var files = new List<(string, string)>
        {
            ("output-journal-1-originals.xlsx", "original output: 3 lines"),
            ("output-journal-2-corrections.xlsx", "corrections: row 4 reverses 12 of the 10 left on entry 2, so the batch is refused"),
            ("output-journal-3-corrections-fixed.xlsx", "the same corrections, row 4 fixed"),
        };
        XlsxWriter.Write(Path.Combine(folder, files[0].Item1), new XlsxWriter.Sheet("Output Journal", Headers, originals));
        XlsxWriter.Write(Path.Combine(folder, files[1].Item1), new XlsxWriter.Sheet("Output Journal", Headers, corrections));
        XlsxWriter.Write(Path.Combine(folder, files[2].Item1), new XlsxWriter.Sheet("Output Journal", Headers, fixedCorrections));
        return files;
    }

    private static object?[] Line(string date, string document, string prodOrder, string item, string operation, decimal runTime, decimal quantity, long? appliesTo, string comment) =>
        [DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), document, prodOrder, item, operation, runTime, quantity, appliesTo, comment];
}
