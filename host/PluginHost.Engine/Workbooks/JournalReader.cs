using System.Globalization;
using PluginHost.Contracts.Journal;
using PluginHost.Engine.Languages;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Workbooks;

/// <summary>Reads a sheet into a plugin's typed journal lines: rows, then cells converted by column type.</summary>
public static class JournalReader
{
    /// <summary>
    /// Reads the rows below <paramref name="header"/>, streaming, a chunk of at most <paramref name="size"/> lines at a
    /// time, so that a sheet of any length is never held whole (docs/performance.md). Empty rows are skipped; every
    /// unreadable cell is an error at its cell, and a row with any such error yields no line. A trailing total row
    /// (figures only, no key column) is left out with a warning. The last chunk carries the problems found once every
    /// row is read, and may hold no line. Time spent reading rows and converting them is charged to <paramref name="clock"/>.
    /// </summary>
    internal static IEnumerable<JournalChunk> ReadChunks(WorkbookFile file, string sheet, HeaderMatch header, JournalSchema schema, CultureInfo culture, HostText text,
        IProgress<int>? progress, StageClock clock, int size)
    {
        var problems = new List<Problem>();
        var lines = new List<JournalLine>();
        var rowsRead = 0;
        var figures = header.Columns.Where(c => c.Key.Kind == ValueKind.Decimal).Select(c => c.Value).ToList();
        var keys = header.Columns.Where(c => c.Key.Kind != ValueKind.Decimal).Select(c => c.Value).ToList();
        var pendingTotals = new List<WorkbookRow>();
        var texts = new StringPool();

        void ReadLine(WorkbookRow row)
        {
            if (++rowsRead % 1000 == 0)
                progress?.Report(rowsRead);
            clock.Lap(PostingStage.Read);
            if (ToLine(file, sheet, header, schema, culture, row, problems, texts, text) is { } line)
                lines.Add(line);
            clock.Lap(PostingStage.Map);
        }

        JournalChunk Take()
        {
            var chunk = new JournalChunk(lines, problems, rowsRead);
            lines = [];
            problems = [];
            return chunk;
        }

        foreach (var row in file.ReadRows(sheet))
        {
            if (row.Number <= header.HeaderRow || row.IsEmpty)
                continue;
            if (header.Columns.Values.All(i => IsBlank(row[i])))
            {
                // Extra columns are kept for the report and ignored by posting: a note beside the journal is no line.
                problems.Add(Problem.Warning("SHEET007", text.Format("Sheet.OnlyOtherColumns", row.Number),
                    new SourceLocation { File = file.Path, Sheet = sheet, Row = row.Number }));
                continue;
            }
            if (keys.Count > 0 && keys.All(i => IsBlank(row[i])) && figures.Any(i => !IsBlank(row[i])))
            {
                pendingTotals.Add(row); // a total row, if nothing but empty rows follows it
                continue;
            }
            foreach (var pending in pendingTotals)
                ReadLine(pending);
            pendingTotals.Clear();
            ReadLine(row);
            if (lines.Count >= size)
            {
                clock.Lap(PostingStage.Read);
                yield return Take();
                clock.Restart(); // the time the chunk waited to be taken is not reading
            }
        }
        foreach (var total in pendingTotals)
            problems.Add(Problem.Warning("SHEET008", text.Format("Sheet.TotalRow", total.Number),
                new SourceLocation { File = file.Path, Sheet = sheet, Row = total.Number }));
        clock.Lap(PostingStage.Read);
        if (rowsRead == 0)
            problems.Add(Problem.Error("SHEET003", text.Format("Sheet.NoLines", header.HeaderRow), new SourceLocation { File = file.Path, Sheet = sheet }));
        yield return Take();
    }

    /// <summary>
    /// One row as a journal line, or null with a problem at each unreadable cell: CELL001, or CELL002 for a value written
    /// the local way that the workbook's culture would read. A message names its column by the sheet's own header.
    /// </summary>
    internal static JournalLine? ToLine(WorkbookFile file, string sheet, HeaderMatch header, JournalSchema schema, CultureInfo culture, WorkbookRow row, List<Problem> problems,
        StringPool? texts = null, HostText? text = null)
    {
        var line = LineAccessors.Create(schema.LineType);
        var ok = true;
        foreach (var (column, index) in header.Columns)
        {
            var parsed = CellParser.Parse(row[index], column, culture, text);
            if (parsed.Error is not null)
            {
                ok = false;
                problems.Add(Problem.Error(parsed.NeedsCulture ? "CELL002" : "CELL001", $"{header.Headers[index]}: {parsed.Error}", new SourceLocation
                {
                    File = file.Path, Sheet = sheet, Row = row.Number, Column = header.Headers[index], Cell = CellReference.Of(index, row.Number),
                }));
                continue;
            }
            LineAccessors.Set(column.Property, line, parsed.Value is string value && texts is not null ? texts.Intern(value, index) : parsed.Value);
        }
        if (!ok)
            return null;
        LineAccessors.Set(RowProperty, line, row.Number);
        LineAccessors.Set(SheetProperty, line, sheet);
        return line;
    }

    private static readonly System.Reflection.PropertyInfo RowProperty = typeof(JournalLine).GetProperty(nameof(JournalLine.Row))!;
    private static readonly System.Reflection.PropertyInfo SheetProperty = typeof(JournalLine).GetProperty(nameof(JournalLine.Sheet))!;

    private static bool IsBlank(object? value) => value is null || value is string s && string.IsNullOrWhiteSpace(s);
}
