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
    /// <summary>A sheet to write: its name, header row and data rows (string, decimal, int, long, double, bool, DateOnly, DateTime or null cells).</summary>
    public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows)
    {
        /// <summary>Rows written above the header row, as they were (a title, a note).</summary>
        public IReadOnlyList<IReadOnlyList<object?>> RowsAbove { get; init; } = [];
    }

    /// <summary>A cell to draw the eye to (an error): written with a red fill, and wrapped text.</summary>
    public sealed record Marked(object? Value);

    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint MarkedStyle = 3;
    private const uint MarkedDateStyle = 4;

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
        foreach (var above in sheet.RowsAbove)
            WriteRow(writer, rowNumber++, above, null);
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
            var marked = cells[i] is Marked;
            if ((cells[i] is Marked m ? m.Value : cells[i]) is not { } value)
            {
                // An empty cell a rule refused (a required value left out) is marked too, so the user sees where to type.
                if (marked)
                    writer.WriteElement(new Cell { CellReference = CellReference.Of(i, number), StyleIndex = MarkedStyle });
                continue;
            }
            var cell = Cell(value);
            cell.CellReference = CellReference.Of(i, number);
            if (style is not null)
                cell.StyleIndex = style;
            if (marked)
                cell.StyleIndex = value is DateOnly or DateTime ? MarkedDateStyle : MarkedStyle;
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell Cell(object value) => value switch
    {
        string text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) },
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle },
        DateTime time => new Cell { CellValue = new CellValue(time.ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle },
        decimal or int or long => new Cell { DataType = CellValues.Number, CellValue = new CellValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)) },
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        ExcelError error => new Cell { DataType = CellValues.Error, CellValue = new CellValue(error.Code) },
        // Anything else a reader hands back (a duration, say) is written as the text a user would see.
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(CellParser.AsText(value)) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFC7CE" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, // built-in short date: read back as a date
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FillId = 2, ApplyFill = true, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 14, FillId = 2, ApplyNumberFormat = true, ApplyFill = true }));
        styles.Stylesheet.Save();
    }
}
