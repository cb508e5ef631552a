using DocumentFormat.OpenXml.Packaging;

namespace PluginHost.Tests.Support;

/// <summary>
/// Writes a workbook from raw part XML through the Open XML SDK, so a test controls every attribute a reader meets
/// (cells and rows without r, rich text and phonetic runs, formulas, styles, hidden sheets), which XlsxWriter never writes.
/// </summary>
public static class RawXlsx
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A sheet: its name, visibility (null, "hidden") and the XML inside its worksheet element.</summary>
    public sealed record Sheet(string Name, string? State, string Body);

    public static string Write(string path, IReadOnlyList<Sheet> sheets, string? sharedStrings = null, string? styles = null, bool date1904 = false, string ns = Main)
    {
        using var document = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var entries = new List<string>();
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            Feed(part, $"<worksheet xmlns=\"{ns}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">{sheet.Body}</worksheet>");
            var state = sheet.State is null ? "" : $" state=\"{sheet.State}\"";
            entries.Add($"<sheet name=\"{sheet.Name}\" sheetId=\"{entries.Count + 1}\"{state} r:id=\"{workbook.GetIdOfPart(part)}\"/>");
        }
        if (sharedStrings is not null)
            Feed(workbook.AddNewPart<SharedStringTablePart>(), $"<sst xmlns=\"{ns}\">{sharedStrings}</sst>");
        if (styles is not null)
            Feed(workbook.AddNewPart<WorkbookStylesPart>(), $"<styleSheet xmlns=\"{ns}\">{styles}</styleSheet>");
        var properties = date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>";
        Feed(workbook, $"<workbook xmlns=\"{ns}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">{properties}<sheets>{string.Concat(entries)}</sheets></workbook>");
        return path;
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
        part.FeedData(stream);
    }
}
