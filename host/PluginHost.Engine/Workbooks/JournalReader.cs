using System.Globalization;
using PluginHost.Contracts.Journal;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Workbooks;

/// <summary>Reads a sheet into a plugin's typed journal lines: rows, then cells converted by column type.</summary>
public static class JournalReader
{
    /// <summary>
    /// Reads the rows below <paramref name="header"/>. Empty rows are skipped; every unreadable cell is an error
    /// at its cell, and a row with any such error yields no line.
    /// </summary>
    public static JournalReadResult Read(WorkbookFile file, string sheet, HeaderMatch header, JournalSchema schema, CultureInfo culture)
    {
        var problems = new List<Problem>();
        var lines = new List<JournalLine>();
        var rowsRead = 0;
        foreach (var row in file.ReadRows(sheet))
        {
            if (row.Number <= header.HeaderRow || row.IsEmpty)
                continue;
            if (header.Columns.Values.All(i => row[i] is null || row[i] is string s && string.IsNullOrWhiteSpace(s)))
            {
                // Extra columns are kept for the report and ignored by posting: a note beside the journal is no line.
                problems.Add(Problem.Warning("SHEET007", $"row {row.Number} has text only in columns the journal does not read; it is not a journal line",
                    new SourceLocation { File = file.Path, Sheet = sheet, Row = row.Number }));
                continue;
            }
            rowsRead++;
            var line = (JournalLine)Activator.CreateInstance(schema.LineType)!;
            var ok = true;
            foreach (var (column, index) in header.Columns)
            {
                var parsed = CellParser.Parse(row[index], column, culture);
                if (parsed.Error is not null)
                {
                    ok = false;
                    problems.Add(Problem.Error("CELL001", $"{column.Caption}: {parsed.Error}", new SourceLocation
                    {
                        File = file.Path, Sheet = sheet, Row = row.Number, Column = header.Headers[index], Cell = CellReference.Of(index, row.Number),
                    }));
                    continue;
                }
                column.Property.SetValue(line, parsed.Value);
            }
            if (!ok)
                continue;
            typeof(JournalLine).GetProperty(nameof(JournalLine.Row))!.SetValue(line, row.Number);
            typeof(JournalLine).GetProperty(nameof(JournalLine.Sheet))!.SetValue(line, sheet);
            lines.Add(line);
        }
        if (rowsRead == 0)
            problems.Add(Problem.Error("SHEET003", $"the sheet has a header row (row {header.HeaderRow}) but no journal lines below it", new SourceLocation { File = file.Path, Sheet = sheet }));
        return new JournalReadResult(sheet, lines, problems, rowsRead, header.ExtraColumns.Select(x => x.Header).ToList());
    }
}
