using System.Text;
using ExcelDataReader;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Reads .xlsx, .xls and .csv files row by row through ExcelDataReader, the stand-in for ClosedXML
/// (docs/workbooks.md). Rows stream: nothing but the current row is held.
/// </summary>
public sealed class WorkbookFile
{
    static WorkbookFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private WorkbookFile(string path) => Path = path;

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Opens a workbook for reading; the file is read again by each call below.</summary>
    public static WorkbookFile At(string path) => new(path);

    /// <summary>Each sheet's name and first <paramref name="rows"/> rows.</summary>
    public IReadOnlyList<SheetPreview> PreviewSheets(int rows)
    {
        using var stream = OpenStream();
        using var reader = CreateReader(stream);
        var sheets = new List<SheetPreview>();
        do
        {
            var first = new List<WorkbookRow>();
            var number = 0;
            while (first.Count < rows && reader.Read())
                first.Add(ReadRow(reader, ++number));
            sheets.Add(new SheetPreview(reader.Name ?? "Sheet1", first));
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>Streams the rows of one sheet, numbered as Excel numbers them.</summary>
    public IEnumerable<WorkbookRow> ReadRows(string sheet)
    {
        using var stream = OpenStream();
        using var reader = CreateReader(stream);
        do
        {
            if (!string.Equals(reader.Name ?? "Sheet1", sheet, StringComparison.Ordinal))
                continue;
            var number = 0;
            while (reader.Read())
                yield return ReadRow(reader, ++number);
            yield break;
        }
        while (reader.NextResult());
    }

    private FileStream OpenStream() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read);

    private IExcelDataReader CreateReader(Stream stream) =>
        System.IO.Path.GetExtension(Path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
            ? ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.UTF8 })
            : ExcelReaderFactory.CreateReader(stream);

    private static WorkbookRow ReadRow(IExcelDataReader reader, int number)
    {
        var cells = new object?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = reader.GetValue(i);
        return new WorkbookRow(number, cells);
    }
}
