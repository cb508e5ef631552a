using System.IO.Compression;
using System.Xml.Linq;
using ExcelDataReader;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Workbooks;

/// <summary>
/// The streaming .xlsx reader gives exactly what ExcelDataReader 3.6 gave (with error cells as ExcelError, as they were
/// merged in before): the same sheets in the same order, the same rows by number, the same value of the same type in every cell.
/// </summary>
public sealed class XlsxReaderDifferentialTests : TempFolderTest
{
    private const string SharedStrings =
        "<si><t>plain</t></si>" +
        "<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/></si>" +
        "<si><t>has_x000A_escape and _x00e9_ kept</t><rPh sb=\"0\" eb=\"1\"><t>ヨミ</t></rPh></si>" +
        "<si><t xml:space=\"preserve\">  spaced  </t></si>" +
        "<si><t/></si>";

    private const string Styles =
        "<numFmts count=\"7\">" +
        "<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/><numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/>" +
        "<numFmt numFmtId=\"166\" formatCode=\"[$-41D]d mmmm yyyy\"/><numFmt numFmtId=\"167\" formatCode=\"0 &quot;days&quot;\"/>" +
        "<numFmt numFmtId=\"168\" formatCode=\"[Red]0.00\"/><numFmt numFmtId=\"169\" formatCode=\"h:mm:ss\"/>" +
        "<numFmt numFmtId=\"170\" formatCode=\"\\d\\a\\y 0\"/></numFmts>" +
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>" +
        "<cellXfs count=\"13\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"22\"/><xf numFmtId=\"164\"/>" +
        "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"20\"/>" +
        "<xf numFmtId=\"49\"/><xf numFmtId=\"169\"/><xf numFmtId=\"46\"/><xf numFmtId=\"170\"/></cellXfs>";

    private static readonly string Values =
        "<dimension ref=\"A1:M14\"/><sheetData>" +
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c>" +
        "<c r=\"E1\" t=\"inlineStr\"><is><t>inline</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> line </t></r><rPh><t>x</t></rPh></is></c>" +
        "<c r=\"G1\" t=\"str\"><f>A1&amp;\"x\"</f><v>formula_x000D_text</v></c><c r=\"H1\" t=\"s\"><v>4</v></c></row>" +
        "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>0.1</v></c><c r=\"C2\"><v>1234.5678</v></c><c r=\"D2\"><v>-42</v></c>" +
        "<c r=\"E2\"><v>1.5E-3</v></c><c r=\"F2\"><v>1E+20</v></c><c r=\"G2\" t=\"n\"><v>-0</v></c><c r=\"H2\"><f>1/3</f><v>0.33333333333333331</v></c><c r=\"I2\"><v> 7 </v></c></row>" +
        "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"b\"><v>0</v></c><c r=\"C3\" t=\"e\"><v>#N/A</v></c><c r=\"D3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>" +
        "<c r=\"E3\" t=\"d\"><v>2026-11-02</v></c><c r=\"F3\" t=\"d\"><v>2026-11-02T10:00:00</v></c></row>" +
        "<row r=\"5\">" + string.Concat(Enumerable.Range(0, 13).Select(s => $"<c r=\"{CellReference.ColumnLetters(s)}5\" s=\"{s}\"><v>46000.25</v></c>")) + "</row>" +
        "<row r=\"6\"><c r=\"A6\" s=\"1\"><v>30</v></c><c r=\"B6\" s=\"8\"><v>0.5</v></c><c r=\"C6\" s=\"9\"><v>12.5</v></c><c r=\"D6\" s=\"1\"><v>-1</v></c>" +
        "<c r=\"E6\" s=\"1\"><v>3000000</v></c><c r=\"F6\" s=\"11\"><v>1.75</v></c><c r=\"G6\" s=\"99\"><v>46000</v></c><c r=\"H6\" s=\"9\" t=\"s\"><v>0</v></c></row>" +
        "<row r=\"8\"><c r=\"C8\"><v>5</v></c><c><v>6</v></c><c r=\"F8\" s=\"1\"/><c><v>7</v></c><c r=\"a8\"><v>8</v></c></row>" +
        "<row><c r=\"A9\"><v>9</v></c></row>" +
        "<row><c><v>10</v></c><c t=\"s\"><v>99</v></c></row>" +
        "<row r=\"12\" spans=\"1:3\"><c r=\"A12\" t=\"s\"><v/></c><c r=\"B12\"><v></v></c><c r=\"C12\" t=\"inlineStr\"><is><t></t></is></c><c r=\"D12\"><v>text in a number cell</v></c></row>" +
        "<row r=\"14\"/>" +
        "</sheetData>";

    private static IReadOnlyList<RawXlsx.Sheet> Sheets() =>
    [
        new("Values", null, Values),
        new("Hidden one", "hidden", "<sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row></sheetData>"),
        new("Second", null, "<sheetData><row r=\"3\"><c><v>1</v></c><c s=\"1\"><v>45000</v></c></row><row><c r=\"C4\" t=\"s\"><v>1</v></c></row></sheetData>"),
        new("Empty", "veryHidden", "<sheetData/>"),
    ];

    [Fact]
    public void EveryCellOfEveryKindReadsAsExcelDataReaderReadsIt()
    {
        var path = RawXlsx.Write(Temp.File("values.xlsx"), Sheets(), SharedStrings, Styles);

        AssertSameAsExcelDataReader(path);
    }

    [Fact]
    public void DatesOfTheNineteenOFourSystemReadAsExcelDataReaderReadsThem()
    {
        var path = RawXlsx.Write(Temp.File("1904.xlsx"), Sheets(), SharedStrings, Styles, date1904: true);

        AssertSameAsExcelDataReader(path);
    }

    [Fact]
    public void AWorkbookWithoutSharedStringsOrStylesReadsAsExcelDataReaderReadsIt()
    {
        var path = RawXlsx.Write(Temp.File("bare.xlsx"), [new("Bare", null, "<sheetData><row><c><v>1</v></c><c s=\"1\"><v>2</v></c><c t=\"s\"><v>0</v></c></row></sheetData>")]);

        AssertSameAsExcelDataReader(path);
    }

    [Fact]
    public void AStrictWorkbookReadsAsExcelDataReaderReadsIt()
    {
        var path = RawXlsx.Write(Temp.File("strict.xlsx"), Sheets(), SharedStrings, Styles, ns: "http://purl.oclc.org/ooxml/spreadsheetml/main");

        AssertSameAsExcelDataReader(path);
    }

    [Fact]
    public void AWorkbookWrittenByTheProjectReadsAsExcelDataReaderReadsIt()
    {
        var path = Temp.File("written.xlsx");
        XlsxWriter.Write(path, new XlsxWriter.Sheet("Journal", ["Date", "Text", "Amount", "Error"],
            [[new DateTime(2026, 11, 2), "a", 1.5m, new ExcelError("#N/A")], [], ["2026-11-03", null, -0.0, true]]));

        AssertSameAsExcelDataReader(path);
    }

    [Fact]
    public void LongTextsAndCharactersBeyondTheBasicPlaneReadAsExcelDataReaderReadsThem()
    {
        // Past the reader's first buffer (256 characters), twice over, and an emoji (a surrogate pair) where only one
        // character's room is left in it: as a shared string and as an inline string.
        var (a255, b511) = (new string('a', 255), new string('b', 511));
        string[] texts = [new string('x', 300), new string('y', 600), a255 + "😀 tail", b511 + "😀"];
        var shared = string.Concat(texts.Select(t => $"<si><t>{t}</t></si>"));
        var cells = string.Concat(texts.Select((_, i) => $"<c r=\"{(char)('A' + i)}1\" t=\"s\"><v>{i}</v></c>"));
        var body = $"<sheetData><row r=\"1\">{cells}</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>{a255}😀 inline</t></is></c><c r=\"B2\" t=\"str\"><f>A1</f><v>{b511}😀</v></c></row></sheetData>";
        var path = RawXlsx.Write(Temp.File("long.xlsx"), [new("Long", null, body)], shared);

        AssertSameAsExcelDataReader(path);
        Assert.Equal(a255 + "😀 tail", WorkbookFile.Read(path).ReadRows("Long").First()[2]);
    }

    [Fact]
    public void AWorkbookWithAHyperlinkTheSdkCannotParseIsStillReadAsExcelDataReaderReadsIt()
    {
        // A link typed with a space in its host: the Open XML SDK refuses the package, ExcelDataReader never looks at it.
        var path = RawXlsx.Write(Temp.File("link.xlsx"), [new("Links", null, "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>see link</t></is></c></row></sheetData>")]);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).FullName;
            var rels = sheet.Insert(sheet.LastIndexOf('/') + 1, "_rels/") + ".rels";
            zip.GetEntry(rels)?.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(rels).Open());
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rIdLink\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"http://exa mple.com/\" TargetMode=\"External\"/></Relationships>");
        }

        AssertSameAsExcelDataReader(path);
        Assert.Equal([1.0, "see link"], WorkbookFile.Read(path).ReadRows("Links").Single().Cells.Take(2));
    }

    [Fact]
    public void AnErrorCellWithoutAReferenceIsStillAnError()
    {
        // Knowingly unlike before: the error cells were found by their r attribute, so one without it read as empty.
        var path = RawXlsx.Write(Temp.File("errors.xlsx"), [new("Errors", null, "<sheetData><row><c><v>1</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"e\"/></row></sheetData>")]);

        var row = WorkbookFile.Read(path).ReadRows("Errors").Single();

        Assert.Equal([1.0, new ExcelError("#N/A"), new ExcelError("#VALUE!")], row.Cells);
    }

    private static void AssertSameAsExcelDataReader(string path)
    {
        var expected = ReadWithExcelDataReader(path);
        using var file = WorkbookFile.Read(path);
        var previews = file.PreviewSheets(int.MaxValue);

        Assert.Equal(expected.Select(s => s.Name), previews.Select(p => p.Name));
        foreach (var (sheet, preview) in expected.Zip(previews))
        {
            AssertSameRows(sheet.Name, sheet.Rows, preview.FirstRows);
            AssertSameRows(sheet.Name, sheet.Rows, [.. file.ReadRows(sheet.Name)]);
        }
    }

    private static void AssertSameRows(string sheet, IReadOnlyList<WorkbookRow> expected, IReadOnlyList<WorkbookRow> actual)
    {
        Assert.True(expected.Count == actual.Count, $"{sheet}: {expected.Count} rows expected, {actual.Count} read");
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Number, got.Number);
            for (var column = 0; column < Math.Max(want.Cells.Count, got.Cells.Count); column++)
            {
                var (w, g) = (want[column], got[column]);
                var where = $"{sheet}!{CellReference.Of(column, want.Number)}";
                Assert.True(Equals(w, g) && w?.GetType() == g?.GetType(),
                    $"{where}: ExcelDataReader gave {Show(w)}, the reader gave {Show(g)}");
            }
        }
    }

    private static string Show(object? value) => value is null ? "null" : $"{value.GetType().Name} '{value}'";

    /// <summary>Every sheet's rows as ExcelDataReader 3.6 reads them, error cells then set from the sheet's XML, as WorkbookFile did.</summary>
    private static List<(string Name, List<WorkbookRow> Rows)> ReadWithExcelDataReader(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance); // as WorkbookFile does: ExcelDataReader asks for code page 1252
        var sheets = new List<(string Name, List<WorkbookRow> Rows)>();
        using (var reader = ExcelReaderFactory.CreateReader(File.OpenRead(path)))
        {
            do
            {
                var rows = new List<WorkbookRow>();
                while (reader.Read())
                {
                    var cells = new object?[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++)
                        cells[i] = reader.GetValue(i);
                    rows.Add(new WorkbookRow(rows.Count + 1, cells));
                }
                sheets.Add((string.IsNullOrEmpty(reader.Name) ? "Sheet1" : reader.Name, rows));
            }
            while (reader.NextResult());
        }
        return [.. sheets.Select((sheet, index) => (sheet.Name, WithErrorCells(path, sheet.Name, sheet.Rows)))];
    }

    private static List<WorkbookRow> WithErrorCells(string path, string sheet, List<WorkbookRow> rows)
    {
        XNamespace main = RawXlsx.Main;
        XNamespace relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var zip = ZipFile.OpenRead(path);
        var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        var id = workbook.Descendants(main + "sheet").FirstOrDefault(s => (string?)s.Attribute("name") == sheet)?.Attribute(relationships + "id")?.Value;
        if (id is null)
            return rows;
        var target = XDocument.Load(zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open()).Root!.Elements().Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!.Value;
        var entry = zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target)!;
        foreach (var cell in XDocument.Load(entry.Open()).Descendants().Where(e => e.Name.LocalName == "c" && (string?)e.Attribute("t") == "e" && e.Attribute("r") is not null))
        {
            var (row, column) = CellReference.Parse(cell.Attribute("r")!.Value);
            var code = cell.Elements().FirstOrDefault(e => e.Name.LocalName == "v")?.Value ?? "#VALUE!";
            var cells = rows[row - 1].Cells.ToList();
            while (cells.Count <= column)
                cells.Add(null);
            cells[column] = new ExcelError(code);
            rows[row - 1] = rows[row - 1] with { Cells = cells };
        }
        return rows;
    }
}
