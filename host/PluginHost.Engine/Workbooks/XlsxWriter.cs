using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Writes simple .xlsx workbooks with DocumentFormat.OpenXml (the stand-in for ClosedXML): sample and template
/// journals. Rows are streamed with <see cref="OpenXmlWriter"/>; numbers are written from their decimal text,
/// so what is written is exactly what is read back, and dates are real date cells.
/// </summary>
public static class XlsxWriter
{
    /// <summary>A sheet to write: its name, header row and data rows (string, decimal, int, long, DateOnly or null cells).</summary>
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    /// <summary>Writes the sheets to <paramref name="path"/>, replacing any file there.</summary>
    public static void Write(string path, params Sheet[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        AddStyles(workbookPart);
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(worksheetPart, sheet);
            sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = sheet.Name });
        }
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, Sheet sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var rowNumber = 1;
        WriteRow(writer, rowNumber++, sheet.Headers.Cast<object?>().ToList(), HeaderStyle);
        foreach (var row in sheet.Rows)
            WriteRow(writer, rowNumber++, row, null);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IReadOnlyList<object?> cells, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not { } value)
                continue;
            var cell = Cell(value);
            cell.CellReference = CellReference.Of(i, number);
            if (style is not null)
                cell.StyleIndex = style;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell Cell(object value) => value switch
    {
        string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) },
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle },
        decimal or int or long => new Cell { DataType = CellValues.Number, CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)) },
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name} to a cell", nameof(value)),
    };

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, // built-in short date: read back as a date
                new CellFormat { FontId = 1, ApplyFont = true }));
        styles.Stylesheet.Save();
    }
}
