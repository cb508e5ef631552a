using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// After a refused batch: the user's rows as sent, with an Errors column holding every message of each row, the
/// offending cells marked, and the refused rows first. Fixing the cells and uploading the file again posts it: the
/// Errors column is a column the journal does not read.
/// </summary>
public static class ErrorWorkbook
{
    /// <summary>The header of the added column, in English.</summary>
    public const string ErrorsHeader = "Errors";

    /// <summary>The header of the added column in each language (Errors, Fel, Feil): any of them is PluginHost's own column.</summary>
    private static readonly string[] ErrorsHeaders = [.. new[] { "en", "sv", "nb" }.Select(code => Languages.Glossary.Word("Errors", code)).Distinct()];

    private static bool IsErrorsHeader(string text) => ErrorsHeaders.Any(h => string.Equals(text.Trim(), h, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when a file is an error workbook PluginHost wrote (a sheet whose header row, within its first rows, ends
    /// with the Errors column), so that a chosen --errors name can be written again on the next run.
    /// </summary>
    public static bool IsOne(string path)
    {
        try
        {
            using var file = WorkbookFile.Read(path);
            return file.PreviewSheets(rows: 20).Any(sheet => sheet.FirstRows.Any(row =>
                row.Cells.LastOrDefault(c => c is not null) is string last && IsErrorsHeader(last)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or NotSupportedException
                                   or System.Xml.XmlException or FormatException // FormatException: the packaging layer's FileFormatException for a damaged package
                                   or ArgumentException or InvalidOperationException) // as PostingPipeline.IsUnreadable: what a damaged file throws while read
        {
            return false;
        }
    }

    private static int UsedWidth(WorkbookRow row)
    {
        var last = row.Cells.Count - 1;
        while (last >= 0 && row.Cells[last] is null)
            last--;
        return last + 1;
    }

    /// <summary>Writes the error workbook of a refused sheet, its Errors column headed in <paramref name="language"/>.</summary>
    public static void Write(string path, WorkbookFile workbook, string sheet, HeaderMatch header, IReadOnlyList<Problem> problems, string language = "en")
    {
        var errors = problems.Where(p => p.IsError && p.Where.Row is not null).GroupBy(p => p.Where.Row!.Value).ToDictionary(g => g.Key, g => g.ToList());
        // Every column any row uses is kept, also past the header's last caption: the .xlsx reader makes a row only as
        // wide as the sheet's dimension or its own last cell, so the header row alone may be narrower than the data.
        // Found in a first pass, so that the rows are not held twice (as read, and as written) for a long sheet.
        var width = workbook.ReadRows(sheet).Select(UsedWidth).Append(header.Headers.Count).Max();
        var headers = header.Headers.Concat(Enumerable.Repeat("", width - header.Headers.Count));
        // An error workbook uploaded again brings its own Errors column: it is replaced, not repeated.
        var kept = headers.Select((h, i) => (Header: h, Index: i)).Where(x => !IsErrorsHeader(x.Header)).ToList();
        var above = new List<IReadOnlyList<object?>>();
        // Every row stays where it was, empty ones too: row N of the error workbook is row N of the file sent, so its
        // messages, the fixed file's report and the ledger's source rows all name the rows the user knows.
        var body = new List<IReadOnlyList<object?>>();
        foreach (var row in workbook.ReadRows(sheet))
        {
            if (row.Number < header.HeaderRow)
            {
                above.Add([.. kept.Select(k => row[k.Index])]);
                continue;
            }
            if (row.Number == header.HeaderRow)
                continue;
            if (!errors.TryGetValue(row.Number, out var rowErrors))
            {
                body.Add(row.IsEmpty ? [] : [.. kept.Select(k => row[k.Index]), null]);
                continue;
            }
            // A cell is marked when it could not be read, or when a failed rule reads its column.
            var badCells = rowErrors.Select(e => e.Where.Cell).Where(c => c is not null).ToHashSet();
            var badFields = rowErrors.SelectMany(e => e.Where.Fields).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var badColumns = header.Columns.Where(c => badFields.Contains(c.Key.Name)).Select(c => c.Value).ToHashSet();
            var cells = kept.Select(k => badCells.Contains(CellReference.Of(k.Index, row.Number)) || badColumns.Contains(k.Index) ? new XlsxWriter.Marked(row[k.Index]) : row[k.Index]).ToList();
            var rowLabel = $"{Languages.HostText.For(language)["Row"]} {row.Number}:";
            cells.Add(new XlsxWriter.Marked(string.Join("\n", rowErrors.Select(e => e.Message.StartsWith(rowLabel, StringComparison.Ordinal) ? e.Message : $"{rowLabel} {e.Message}"))));
            body.Add(cells);
        }
        XlsxWriter.Write(path, new XlsxWriter.Sheet(sheet, [.. kept.Select(k => k.Header), Languages.Glossary.Word("Errors", language)], body) { RowsAbove = above });
    }
}
