using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ExcelDataReader;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Reads .xlsx/.xlsm workbooks in one streaming pass per sheet (<see cref="XlsxSheetReader"/>), and .xls and .csv
/// workbooks through ExcelDataReader, the stand-in for ClosedXML (docs/workbooks.md). Rows stream from the file: memory
/// holds the current row and the journal lines, not the file.
/// The file's SHA-256 is taken when it is opened and checked again after its lines are read
/// (<see cref="IsUnchanged"/>), so a file replaced while it is posted cannot post content other than the one recorded.
/// </summary>
public sealed class WorkbookFile : IDisposable
{
    static WorkbookFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private WorkbookFile(string path, string sha256)
    {
        Path = path;
        Sha256 = sha256;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Hex SHA-256 of the file's bytes when it was opened.</summary>
    public string Sha256 { get; }

    /// <summary>True for a .csv file.</summary>
    public bool IsCsv => System.IO.Path.GetExtension(Path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens a workbook: hashes it, streaming.</summary>
    public static WorkbookFile Read(string path) =>
        WorkbookContainer.Refusal(path) is { } refusal ? throw new InvalidDataException(refusal) : new(path, HashOf(path));

    /// <summary>True when the file still has the content it had when opened.</summary>
    public bool IsUnchanged() => string.Equals(HashOf(Path), Sha256, StringComparison.Ordinal);

    private static string HashOf(string path)
    {
        using var stream = OpenStream(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static FileStream OpenStream(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>
    /// Each sheet's name and first <paramref name="rows"/> rows. An .xlsx/.xlsm sheet costs nothing to open, so its
    /// preview reads the first rows and stops, and <see cref="ReadRows"/> starts again from the top (the package, with
    /// its shared strings and styles, is opened once for both). ExcelDataReader
    /// (.xls, .csv) passes over a whole sheet when it opens it, so with <paramref name="keepReader"/> a workbook of one
    /// sheet keeps that reader open where the preview stopped, and the next <see cref="ReadRows"/> of that sheet carries
    /// on from there instead of opening the file again (docs/performance.md). The caller then disposes this object.
    /// </summary>
    public IReadOnlyList<SheetPreview> PreviewSheets(int rows, bool keepReader = false)
    {
        DisposeParked();
        if (Package() is { } workbook)
        {
            if (workbook.Sheets.Count == 0)
                return [new SheetPreview(SheetName(null), [])]; // as ExcelDataReader: one nameless, empty result
            return [.. workbook.Sheets.Select(sheet => new SheetPreview(SheetName(sheet.Name), [.. XlsxSheetReader.Rows(workbook, sheet).Take(rows)]))];
        }
        var reader = CreateReader();
        if (keepReader && reader.ResultsCount == 1)
        {
            try
            {
                var first = new List<WorkbookRow>();
                while (first.Count < rows && reader.Read())
                    first.Add(ReadRow(reader, first.Count + 1));
                _parked = new Parked(reader, SheetName(reader.Name), first);
                return [new SheetPreview(_parked.Sheet, first)];
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
        using var _ = reader;
        var sheets = new List<SheetPreview>();
        do
        {
            var first = new List<WorkbookRow>();
            var number = 0;
            while (first.Count < rows && reader.Read())
                first.Add(ReadRow(reader, ++number));
            sheets.Add(new SheetPreview(SheetName(reader.Name), first));
        }
        while (reader.NextResult());
        return sheets;
    }

    /// <summary>Streams the rows of one sheet, numbered as Excel numbers them.</summary>
    public IEnumerable<WorkbookRow> ReadRows(string sheet)
    {
        if (Package() is { } workbook)
        {
            if (workbook.Sheets.FirstOrDefault(s => string.Equals(SheetName(s.Name), sheet, StringComparison.Ordinal)) is { } found)
            {
                foreach (var row in XlsxSheetReader.Rows(workbook, found))
                    yield return row;
            }
            yield break;
        }
        if (_parked is { } parked && string.Equals(parked.Sheet, sheet, StringComparison.Ordinal))
        {
            _parked = null;
            using var kept = parked.Reader;
            var number = 0;
            foreach (var first in parked.Rows)
            {
                number = first.Number;
                yield return first;
            }
            while (kept.Read())
                yield return ReadRow(kept, ++number);
            yield break;
        }
        using var reader = CreateReader();
        do
        {
            if (!string.Equals(SheetName(reader.Name), sheet, StringComparison.Ordinal))
                continue;
            var number = 0;
            while (reader.Read())
                yield return ReadRow(reader, ++number);
            yield break;
        }
        while (reader.NextResult());
    }

    /// <summary>A CSV has no sheet name: it is called by its file name, so messages still say where.</summary>
    private string SheetName(string? name) =>
        string.IsNullOrEmpty(name) ? (IsCsv ? System.IO.Path.GetFileName(Path) : "Sheet1") : name;

    private IExcelDataReader CreateReader()
    {
        var stream = OpenStream(Path);
        return IsCsv
            ? ExcelReaderFactory.CreateCsvReader(stream, new ExcelReaderConfiguration { FallbackEncoding = CsvEncoding(), LeaveOpen = false })
            : ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
    }

    /// <summary>
    /// UTF-8 (with or without BOM), else Windows-1252: what Swedish and Norwegian Excel write when saving "CSV
    /// (semicolon separated)" without choosing UTF-8. Decided by decoding the file once, streaming.
    /// </summary>
    private Encoding CsvEncoding()
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        using var stream = OpenStream(Path);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
    }

    /// <summary>
    /// True for an .xlsx or .xlsm file that is a zip, read by <see cref="XlsxSheetReader"/>. Anything else named so (an
    /// .xls renamed, an encrypted workbook, random bytes) goes to ExcelDataReader, which tells formats by their bytes,
    /// as before, and reads it or says why it cannot.
    /// </summary>
    private bool IsOpenXmlPackage => System.IO.Path.GetExtension(Path).ToLowerInvariant() is ".xlsx" or ".xlsm" && StartsWithZipSignature(Path);

    /// <summary>
    /// The package of an <see cref="IsOpenXmlPackage"/> file, opened once, its shared strings and styles read once, for
    /// the preview and every read of a sheet (held until <see cref="Dispose"/>); null for a file ExcelDataReader reads.
    /// The Open XML SDK refuses a package with a relationship it cannot parse (a hyperlink typed with a space in it, say),
    /// which ExcelDataReader never looks at and reads: such a workbook is read by ExcelDataReader, as before, paying its
    /// extra pass.
    /// </summary>
    private XlsxWorkbook? Package()
    {
        if (_readsAsPackage is null)
        {
            try
            {
                _package = IsOpenXmlPackage ? XlsxWorkbook.Open(Path) : null;
            }
            catch (InvalidDataException ex) when (ex.InnerException is OpenXmlPackageException)
            {
                _package = null;
            }
            _readsAsPackage = _package is not null;
        }
        return _package;
    }

    private bool? _readsAsPackage;
    private XlsxWorkbook? _package;

    private static bool StartsWithZipSignature(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>Closes the .xlsx package, or an ExcelDataReader kept open by <see cref="PreviewSheets"/> and not read to the end.</summary>
    public void Dispose()
    {
        DisposeParked();
        _package?.Dispose();
        _package = null;
        _readsAsPackage = null;
    }

    private void DisposeParked()
    {
        _parked?.Reader.Dispose();
        _parked = null;
    }

    /// <summary>An ExcelDataReader left open after the preview of the only sheet (.xls, .csv), and the rows it has read.</summary>
    private sealed record Parked(IExcelDataReader Reader, string Sheet, IReadOnlyList<WorkbookRow> Rows);

    private Parked? _parked;

    private static WorkbookRow ReadRow(IExcelDataReader reader, int number)
    {
        var cells = new object?[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = reader.GetValue(i);
        return new WorkbookRow(number, cells);
    }
}
