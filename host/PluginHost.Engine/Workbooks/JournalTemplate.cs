using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PluginHost.Contracts.Journal;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Writes an empty journal workbook for a plugin (<c>pluginhost template</c>): the headers in the chosen language with a
/// comment saying what goes there, drop-down lists for columns with fixed values, number and date formats on the
/// columns, a sample line and a frozen header row. It reads back as the plugin's journal.
/// </summary>
public static class JournalTemplate
{
    /// <summary>The languages captions are given in, in <see cref="ColumnAttribute.Captions"/> order.</summary>
    public static readonly string[] Languages = ["en", "sv", "nb"];

    private const uint HeaderStyle = 1, DateStyle = 2, QuantityStyle = 3, AmountStyle = 4, IntegerStyle = 5, TextStyle = 6;

    /// <summary>Writes the template of <paramref name="schema"/> in <paramref name="language"/> (en, sv or nb) to <paramref name="path"/>.</summary>
    public static void Write(string path, JournalSchema schema, string language)
    {
        var index = Array.IndexOf(Languages, language);
        if (index < 0)
            throw new ArgumentException($"language '{language}' is not one of {string.Join(", ", Languages)}", nameof(language));
        var columns = schema.Columns();
        var headers = columns.Select(c => c.Declaration.Captions.Count > index ? c.Declaration.Captions[index] : c.Caption).ToList();
        var sheetName = schema.SheetNameByLanguage.TryGetValue(language, out var named) ? named : schema.SheetNames[0];

        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        AddStyles(workbookPart);
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Max(12, headers[i].Length + 4), CustomWidth = true, Style = StyleOf(c) })),
            new SheetData(HeaderRow(headers), SampleRow(columns)));
        if (columns.Any(c => c.Declaration.Values.Length > 0))
            worksheet.Append(DropDowns(columns));
        sheetPart.Worksheet = worksheet;
        AddComments(sheetPart, columns, headers);
        sheetPart.Worksheet.Save();
        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        workbookPart.Workbook.Save();
    }

    private static Row HeaderRow(IReadOnlyList<string> headers) =>
        new(headers.Select((h, i) => new Cell { CellReference = CellReference.Of(i, 1), DataType = CellValues.InlineString, InlineString = new InlineString(new Text(h)), StyleIndex = HeaderStyle })) { RowIndex = 1 };

    private static Row SampleRow(IReadOnlyList<JournalColumn> columns)
    {
        var row = new Row { RowIndex = 2 };
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Declaration.Example is not { Length: > 0 } example)
                continue;
            var parsed = CellParser.Parse(example, columns[i], CultureInfo.InvariantCulture);
            var reference = CellReference.Of(i, 2);
            row.Append(parsed.Value switch
            {
                DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle },
                decimal or int or long => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(((IFormattable)parsed.Value).ToString(null, CultureInfo.InvariantCulture)), StyleIndex = StyleOf(columns[i]) },
                _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(example)), StyleIndex = TextStyle },
            });
        }
        return row;
    }

    private static DataValidations DropDowns(IReadOnlyList<JournalColumn> columns)
    {
        var validations = new DataValidations();
        for (var i = 0; i < columns.Count; i++)
        {
            var values = columns[i].Declaration.Values;
            if (values.Length == 0)
                continue;
            var letters = CellReference.ColumnLetters(i);
            validations.Append(new DataValidation(new Formula1($"\"{string.Join(",", values)}\""))
            {
                // Information, not stop: the plugins also read these values in Swedish and Norwegian.
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowDropDown = false, ErrorStyle = DataValidationErrorStyleValues.Information,
                ErrorTitle = columns[i].Caption, Error = $"Usually one of: {string.Join(", ", values)}",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letters}2:{letters}1048576" },
            });
        }
        validations.Count = (uint)validations.ChildElements.Count;
        return validations;
    }

    /// <summary>A comment on each header (Excel's notes), which needs the legacy VML drawing Excel still reads them from.</summary>
    private static void AddComments(WorksheetPart sheetPart, IReadOnlyList<JournalColumn> columns, IReadOnlyList<string> headers)
    {
        var commented = columns.Select((c, i) => (Index: i, Text: c.Declaration.Description)).Where(x => x.Text.Length > 0).ToList();
        if (commented.Count == 0)
            return;
        var commentsPart = sheetPart.AddNewPart<WorksheetCommentsPart>();
        commentsPart.Comments = new Comments(
            new Authors(new Author("PluginHost")),
            new CommentList(commented.Select(x => new Comment(new CommentText(new Run(new Text(x.Text) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Reference = CellReference.Of(x.Index, 1), AuthorId = 0,
            })));
        var vmlPart = sheetPart.AddNewPart<VmlDrawingPart>();
        using (var writer = new StreamWriter(vmlPart.GetStream(FileMode.Create)))
        {
            writer.Write("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">");
            writer.Write("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"1\"/></o:shapelayout>");
            writer.Write("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
            foreach (var (index, _) in commented)
            {
                writer.Write($"<v:shape id=\"_x0000_s{1025 + index}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:60pt;z-index:{index + 1};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
                writer.Write("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
                writer.Write($"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{index + 1}, 15, 0, 2, {index + 3}, 15, 4, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>{index}</x:Column></x:ClientData>");
                writer.Write("</v:shape>");
            }
            writer.Write("</xml>");
        }
        sheetPart.Worksheet.Append(new LegacyDrawing { Id = sheetPart.GetIdOfPart(vmlPart) });
    }

    private static uint StyleOf(JournalColumn column) => column.Kind switch
    {
        ValueKind.Date => DateStyle,
        ValueKind.Decimal when column.Declaration.Decimals <= 2 => AmountStyle,
        ValueKind.Decimal => QuantityStyle,
        ValueKind.Integer => IntegerStyle,
        _ => TextStyle,
    };

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "0.#####" }) { Count = 2 },
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }));
        styles.Stylesheet.Save();
    }
}
