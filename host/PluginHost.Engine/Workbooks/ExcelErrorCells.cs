using DocumentFormat.OpenXml;
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
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Cell) || !reader.IsStartElement)
                continue;
            var type = reader.Attributes.FirstOrDefault(a => a.LocalName == "t").Value;
            var reference = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
            if (type != "e" || reference is null)
                continue;
            var cell = (Cell)reader.LoadCurrentElement()!;
            var (row, column) = CellReference.Parse(reference);
            errors.Add((row, column, new ExcelError(cell.CellValue?.Text ?? "#VALUE!")));
        }
        return errors.ToLookup(e => e.Row, e => (e.Column, e.Error));
    }
}
