using System.Text;
using ExcelDataReader;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Reads .xlsx, .xls and .csv workbooks row by row through ExcelDataReader, the stand-in for ClosedXML
/// (docs/workbooks.md). The file is read into memory once: its hash, its sheets and its lines all come from the
/// same bytes, so a file replaced while it is being posted cannot post content other than the one recorded.
/// </summary>
public sealed class WorkbookFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static WorkbookFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly byte[] _bytes;

    private WorkbookFile(string path, byte[] bytes)
    {
        Path = path;
        _bytes = bytes;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The file's bytes, as read once.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>True for a .csv file.</summary>
    public bool IsCsv => System.IO.Path.GetExtension(Path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a workbook's bytes once.</summary>
    public static WorkbookFile Read(string path) => new(path, File.ReadAllBytes(path));

    /// <summary>A workbook from bytes already read; <paramref name="path"/> names it (and its extension tells a .csv).</summary>
    public static WorkbookFile FromBytes(string path, byte[] bytes) => new(path, bytes);

    /// <summary>Each sheet's name and first <paramref name="rows"/> rows.</summary>
    public IReadOnlyList<SheetPreview> PreviewSheets(int rows)
    {
        using var reader = CreateReader();
        var sheets = new List<SheetPreview>();
        do
        {
            var first = new List<WorkbookRow>();
            var number = 0;
            while (first.Count < rows && reader.Read())
                first.Add(ReadRow(reader, ++number));
            sheets.Add(new SheetPreview(SheetName(reader), first));
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>Streams the rows of one sheet, numbered as Excel numbers them.</summary>
    public IEnumerable<WorkbookRow> ReadRows(string sheet)
    {
        using var reader = CreateReader();
        do
        {
            if (!string.Equals(SheetName(reader), sheet, StringComparison.Ordinal))
                continue;
            var number = 0;
            while (reader.Read())
                yield return ReadRow(reader, ++number);
            yield break;
        }
        while (reader.NextResult());
    }

    /// <summary>A CSV has no sheet name: it is called by its file name, so messages still say where.</summary>
    private string SheetName(IExcelDataReader reader) =>
        string.IsNullOrEmpty(reader.Name) ? (IsCsv ? System.IO.Path.GetFileName(Path) : "Sheet1") : reader.Name;

    private IExcelDataReader CreateReader()
    {
        var stream = new MemoryStream(_bytes, writable: false);
        return IsCsv
            ? ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration { FallbackEncoding = CsvEncoding(), LeaveOpen = false })
            : ExcelReaderFactory.CreateReader(stream);
    }

    /// <summary>
    /// UTF-8 (with or without BOM), else Windows-1252: what Swedish and Norwegian Excel write when saving "CSV
    /// (semicolon separated)" without choosing UTF-8.
    /// </summary>
    private Encoding CsvEncoding()
    {
        try
        {
            StrictUtf8.GetCharCount(_bytes);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    private static WorkbookRow ReadRow(IExcelDataReader reader, int number)
    {
        var cells = new object?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = reader.GetValue(i);
        return new WorkbookRow(number, cells);
    }
}
