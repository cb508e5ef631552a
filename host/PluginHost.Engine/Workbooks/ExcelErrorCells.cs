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
        if (!MayHoldErrors(part))
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

    /// <summary>
    /// False when the sheet's XML holds no quoted lone <c>e</c>, the value of an error cell's type attribute
    /// (<c>t="e"</c>, however spaced or quoted): then no cell can be an error and the XML need not be parsed. A byte
    /// search over the decompressed part costs a small fraction of parsing it (docs/performance.md); text that happens
    /// to contain <c>"e"</c> only means the sheet is parsed after all.
    /// </summary>
    private static bool MayHoldErrors(WorksheetPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        var buffer = new byte[1 << 16];
        var kept = 0; // the last bytes of the previous chunk, so a match across chunks is found
        var first = true;
        int read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var chunk = buffer.AsSpan(0, kept + read);
            if (first && chunk.Length >= 2 && (chunk[0] == 0xFF && chunk[1] == 0xFE || chunk[0] == 0xFE && chunk[1] == 0xFF))
                return true; // UTF-16: the byte search does not apply, parse it
            first = false;
            if (chunk.IndexOf("\"e\""u8) >= 0 || chunk.IndexOf("'e'"u8) >= 0)
                return true;
            kept = Math.Min(2, chunk.Length);
            chunk[^kept..].CopyTo(buffer);
        }
        return false;
    }
}
