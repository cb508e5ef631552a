using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// An .xlsx/.xlsm workbook opened for reading its sheets in one streaming pass each (<see cref="XlsxSheetReader"/>).
/// The Open XML SDK opens the package and finds the parts; the parts themselves are read with a plain
/// <see cref="XmlReader"/>, as ExcelDataReader 3.6 reads them, so that every value is the one it gave. What is held:
/// the sheet list, the shared strings (one string each, decoded once) and the number format of each cell style.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;

    private XlsxWorkbook(SpreadsheetDocument document, WorkbookPart workbook)
    {
        _document = document;
        _workbook = workbook;
    }

    /// <summary>The names the readers compare by reference.</summary>
    public XlsxNames Names { get; } = new();

    /// <summary>The sheets in workbook order, hidden ones included, as ExcelDataReader lists them.</summary>
    public IReadOnlyList<XlsxSheet> Sheets { get; private set; } = [];

    /// <summary>True when serial dates count from 1904 (<c>workbookPr date1904="1"</c>).</summary>
    public bool Date1904 { get; private set; }

    /// <summary>The shared strings, escapes decoded.</summary>
    public string[] SharedStrings { get; private set; } = [];

    /// <summary>What a number means under each cell style (<c>cellXfs</c>), by style index.</summary>
    public XlsxNumberKind[] StyleKinds { get; private set; } = [];

    /// <summary>What a number means in a cell without a (valid) style: number format 0, General.</summary>
    public XlsxNumberKind DefaultKind { get; private set; }

    /// <summary>Opens the package and reads the workbook, shared strings and styles parts.</summary>
    /// <exception cref="InvalidDataException">The file is a zip but not a workbook package.</exception>
    public static XlsxWorkbook Open(string path)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (OpenXmlPackageException ex)
        {
            throw new InvalidDataException($"Detected ZIP file, but not a valid OpenXml file ({ex.Message})", ex);
        }
        try
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("Detected ZIP file, but not a valid OpenXml file.");
            var opened = new XlsxWorkbook(document, workbook);
            opened.ReadWorkbook();
            opened.ReadSharedStrings();
            opened.ReadStyles();
            return opened;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The sheet's part (a worksheet, or whatever else the relationship names), or null when there is none.</summary>
    public OpenXmlPart? PartOf(XlsxSheet sheet) =>
        sheet.RelationshipId is { } id && _workbook.TryGetPartById(id, out var part) ? part : null;

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();

    private XmlReader ReaderOf(OpenXmlPart part) => XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), Names.Settings());

    private void ReadWorkbook()
    {
        var sheets = new List<XlsxSheet>();
        using var reader = ReaderOf(_workbook);
        foreach (var _ in Children(reader, "workbook"))
        {
            if (reader.IsStartElement("workbookPr", Names.Main))
            {
                Date1904 = reader.GetAttribute("date1904") == "1";
                reader.Skip();
            }
            else if (reader.IsStartElement("sheets", Names.Main))
            {
                foreach (var __ in Children(reader, null))
                {
                    if (reader.IsStartElement("sheet", Names.Main))
                    {
                        sheets.Add(new XlsxSheet(reader.GetAttribute("name"), reader.GetAttribute("id", Names.Relationships)));
                        reader.Skip();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }
        Sheets = sheets;
    }

    private void ReadSharedStrings()
    {
        if (_workbook.SharedStringTablePart is not { } part)
            return;
        var strings = new List<string>();
        var buffer = new char[256];
        using var reader = ReaderOf(part);
        foreach (var _ in Children(reader, "sst"))
        {
            if (Names.IsStart(reader, Names.StringItem))
            {
                // The length first: reading may give the buffer a larger array, and the span must be taken over that one.
                var length = XlsxText.ReadStringItem(reader, Names, ref buffer, 0);
                strings.Add(XlsxText.Unescape(buffer.AsSpan(0, length)));
            }
            else
                reader.Skip();
        }
        SharedStrings = [.. strings];
    }

    private void ReadStyles()
    {
        var formats = new Dictionary<int, XlsxNumberKind>();
        var styleFormats = new List<int>();
        if (_workbook.WorkbookStylesPart is { } part)
        {
            using var reader = ReaderOf(part);
            foreach (var _ in Children(reader, "styleSheet"))
            {
                if (reader.IsStartElement("cellXfs", Names.Main))
                    ReadEach(reader, "xf", () => styleFormats.Add(IntOr(reader.GetAttribute("numFmtId"), -1)));
                else if (reader.IsStartElement("numFmts", Names.Main))
                    ReadEach(reader, "numFmt", () =>
                    {
                        if (reader.GetAttribute("formatCode") is { } code)
                            formats.TryAdd(IntOr(reader.GetAttribute("numFmtId"), 0), XlsxNumberFormats.KindOf(code));
                    });
                else
                    reader.Skip();
            }
        }
        XlsxNumberKind KindOf(int id) => formats.TryGetValue(id, out var kind) ? kind : XlsxNumberFormats.BuiltinKindOf(id);
        StyleKinds = [.. styleFormats.Select(KindOf)];
        DefaultKind = KindOf(0);
    }

    private void ReadEach(XmlReader reader, string element, Action read)
    {
        foreach (var _ in Children(reader, null))
        {
            if (reader.IsStartElement(element, Names.Main))
                read();
            reader.Skip();
        }
    }

    /// <summary>
    /// Stands the reader on each child element of the current element (of the root, when it is <paramref name="root"/>
    /// in the SpreadsheetML namespace; none otherwise); the caller moves past each one.
    /// </summary>
    private IEnumerable<int> Children(XmlReader reader, string? root)
    {
        if (root is not null && !reader.IsStartElement(root, Names.Main))
            yield break;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
                yield return 0;
            else
                reader.Read();
        }
        reader.Read();
    }

    private static int IntOr(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

/// <summary>A sheet of the workbook: its name (null when the workbook gives none) and its relationship id.</summary>
internal sealed record XlsxSheet(string? Name, string? RelationshipId);
