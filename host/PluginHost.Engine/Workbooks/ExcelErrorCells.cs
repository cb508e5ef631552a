using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PluginHost.Engine.Workbooks;

/// <summary>A cell holding an Excel error value (#N/A, #DIV/0!, #REF! ...): never a value, always a problem at its cell.</summary>
/// <param name="Code">The error as Excel shows it.</param>
public sealed record ExcelError(string Code)
{
    /// <inheritdoc />
    public override string ToString() => Code;
}

/// <summary>
/// Finds the error cells of an .xlsx sheet. ExcelDataReader 3.6 (the newest the registry holds) reads them as empty,
/// which would post a #N/A price as nothing or zero; one streaming pass with the Open XML SDK names them instead.
/// </summary>
public static class ExcelErrorCells
{
    /// <summary>Error cells by 1-based row, each with its 0-based column; empty for a sheet without any.</summary>
    public static ILookup<int, (int Column, ExcelError Error)> Of(string path, string sheetName)
    {
        var errors = new List<(int Row, int Column, ExcelError Error)>();
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var sheet = document.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName);
        if (sheet?.Id?.Value is not { } id || document.WorkbookPart!.GetPartById(id) is not WorksheetPart part)
            return errors.ToLookup(e => e.Row, e => (e.Column, e.Error));
        // A plain XmlReader over the part: the SDK's OpenXmlReader builds an attribute list for every element it passes.
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c" || reader.GetAttribute("t") != "e" || reader.GetAttribute("r") is not { } reference)
                continue;
            var code = "#VALUE!";
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                while (reader.Read() && reader.Depth > depth)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
                    {
                        code = reader.ReadElementContentAsString();
                        break;
                    }
                }
            }
            var (row, column) = CellReference.Parse(reference);
            errors.Add((row, column, new ExcelError(code)));
        }
        return errors.ToLookup(e => e.Row, e => (e.Column, e.Error));
    }
}
