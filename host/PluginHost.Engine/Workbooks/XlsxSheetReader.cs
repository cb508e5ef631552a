using System.Globalization;
using System.Xml;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Streams the rows of one .xlsx sheet in a single pass over its XML, with the values ExcelDataReader 3.6 gives
/// (docs/workbooks.md), and error cells as <see cref="ExcelError"/>. Rows are numbered as Excel numbers them: a gap
/// between rows is filled with empty rows, as ExcelDataReader fills it, so the n-th row read is row n.
/// </summary>
internal sealed class XlsxSheetReader
{
    /// <summary>Excel's last column, XFD: a reference past it is not a cell but damage (and would ask for a huge row).</summary>
    private const int MaxColumn = 16_383;

    private readonly XlsxWorkbook _workbook;
    private readonly XlsxNames _names;
    private char[] _text = new char[256];
    private object?[] _cells = new object?[64];

    private XlsxSheetReader(XlsxWorkbook workbook)
    {
        _workbook = workbook;
        _names = workbook.Names;
    }

    /// <summary>The sheet's rows, read as they are enumerated; none when the sheet has no worksheet part.</summary>
    public static IEnumerable<WorkbookRow> Rows(XlsxWorkbook workbook, XlsxSheet sheet) =>
        workbook.PartOf(sheet) is { } part ? new XlsxSheetReader(workbook).Read(part) : [];

    private IEnumerable<WorkbookRow> Read(DocumentFormat.OpenXml.Packaging.OpenXmlPart part)
    {
        using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), _names.Settings());
        reader.MoveToContent();
        if (!_names.IsStart(reader, _names.Worksheet) || reader.IsEmptyElement)
            yield break;
        var depth = reader.Depth;
        var width = 0;
        var rowsRead = 0;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (_names.IsStart(reader, _names.Dimension))
            {
                width = DimensionWidth(reader.GetAttribute(_names.Reference));
                reader.Skip();
            }
            else if (_names.IsStart(reader, _names.SheetData))
            {
                if (reader.IsEmptyElement)
                {
                    reader.Read();
                    continue;
                }
                var dataDepth = reader.Depth;
                var nextRow = 0; // 0-based, for a row without r: the one after the row before
                reader.Read();
                while (!reader.EOF && reader.Depth > dataDepth)
                {
                    if (!_names.IsStart(reader, _names.Row))
                    {
                        Pass(reader);
                        continue;
                    }
                    var row = int.TryParse(reader.GetAttribute(_names.Run), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r - 1 : nextRow;
                    nextRow = row + 1;
                    var cells = ReadCells(reader, width);
                    // ExcelDataReader yields an empty row for each row missing before this one, and WorkbookFile numbers rows by counting them.
                    for (; rowsRead < row; rowsRead++)
                        yield return new WorkbookRow(rowsRead + 1, width == 0 ? [] : new object?[width]);
                    rowsRead++;
                    yield return new WorkbookRow(rowsRead, cells);
                }
                reader.Read();
            }
            else
            {
                Pass(reader);
            }
        }
    }

    /// <summary>
    /// The cells of the row the reader stands on, by column; the reader ends past the row. The array is as wide as the
    /// sheet's dimension says (ExcelDataReader makes every row as wide as the sheet), or as the row's last cell when wider.
    /// </summary>
    private object?[] ReadCells(XmlReader reader, int width)
    {
        var used = 0;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return width == 0 ? [] : new object?[width];
        }
        var depth = reader.Depth;
        var nextColumn = 0;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (!_names.IsStart(reader, _names.Cell))
            {
                Pass(reader);
                continue;
            }
            var (column, value) = ReadCell(reader, nextColumn);
            nextColumn = column + 1;
            if (column >= _cells.Length)
                Array.Resize(ref _cells, Math.Max(column + 1, _cells.Length * 2));
            _cells[column] = value;
            used = Math.Max(used, column + 1);
        }
        reader.Read();
        var cells = new object?[Math.Max(width, used)];
        Array.Copy(_cells, cells, used);
        Array.Clear(_cells, 0, used);
        return cells;
    }

    /// <summary>One cell: its column (from r, else the one after the cell before) and value; the reader ends past it.</summary>
    private (int Column, object? Value) ReadCell(XmlReader reader, int nextColumn)
    {
        string? type = null;
        var style = -1;
        var column = nextColumn;
        while (reader.MoveToNextAttribute())
        {
            if (reader.NamespaceURI.Length != 0)
                continue;
            var name = reader.LocalName;
            if (ReferenceEquals(name, _names.Run))
                column = ColumnOf(reader.Value) ?? nextColumn;
            else if (ReferenceEquals(name, _names.Text))
                type = reader.Value;
            else if (ReferenceEquals(name, _names.Style) && int.TryParse(reader.Value, NumberStyles.Any, CultureInfo.InvariantCulture, out var s))
                style = s;
        }
        reader.MoveToElement();
        var isError = type == "e";
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (column, isError ? new ExcelError("#VALUE!") : null);
        }
        object? value = null;
        string? errorCode = null;
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (_names.IsStart(reader, _names.Value))
            {
                var length = XlsxText.ReadContent(reader, ref _text, 0);
                if (isError)
                    errorCode ??= new string(_text, 0, length);
                else if (length > 0)
                    value = Convert(_text.AsSpan(0, length), type, style);
            }
            else if (_names.IsStart(reader, _names.InlineString))
            {
                var length = XlsxText.ReadStringItem(reader, _names, ref _text, 0);
                if (length > 0 && !isError)
                    value = Convert(_text.AsSpan(0, length), type, style);
            }
            else
            {
                Pass(reader);
            }
        }
        reader.Read();
        return (column, isError ? new ExcelError(errorCode ?? "#VALUE!") : value);
    }

    /// <summary>A cell's raw text as ExcelDataReader 3.6 converts it, by the cell's type (t) and style (s).</summary>
    private object Convert(ReadOnlySpan<char> raw, string? type, int style)
    {
        switch (type)
        {
            case "s":
                var strings = _workbook.SharedStrings;
                return int.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < strings.Length
                    ? strings[index]
                    : new string(raw);
            case "inlineStr" or "str":
                return XlsxText.Unescape(raw);
            case "b":
                return raw is "1";
            case "d":
                return DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AllowLeadingWhite | DateTimeStyles.AllowTrailingWhite, out var date)
                    ? date
                    : new string(raw);
            default:
                if (!double.TryParse(raw, NumberStyles.Any, CultureInfo.InvariantCulture, out var number))
                    return new string(raw);
                var kinds = _workbook.StyleKinds;
                var kind = style >= 0 && style < kinds.Length ? kinds[style] : _workbook.DefaultKind;
                return kind switch
                {
                    XlsxNumberKind.Date => SerialDate(number, _workbook.Date1904),
                    XlsxNumberKind.Duration => TimeSpan.FromDays(number),
                    _ => number,
                };
        }
    }

    /// <summary>
    /// A serial date as ExcelDataReader's <c>ConvertFromOATime</c>: 1904 dates shifted by 1462 days, 1900 dates before
    /// 1 March 1900 shifted by one (Excel's phantom 29 February 1900), and a number outside the OLE date range kept as it is.
    /// </summary>
    private static object SerialDate(double number, bool date1904)
    {
        var serial = date1904 ? number + 1462.0 : number is >= 0.0 and < 60.0 ? number + 1 : number;
        return serial is > -657435.0 and < 2958466.0 ? DateTime.FromOADate(serial) : number;
    }

    /// <summary>
    /// The 0-based column of a reference such as <c>AB12</c>, as ExcelDataReader parses it (upper-case letters, then
    /// digits), or null when it is not one.
    /// </summary>
    private static int? ColumnOf(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && reference[i] is >= 'A' and <= 'Z'; i++)
        {
            column = column * 26 + (reference[i] - 'A' + 1);
            if (column > MaxColumn + 1)
                throw new InvalidDataException($"the cell reference {reference} is past Excel's last column, XFD");
        }
        if (i == 0 || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return null;
        return column - 1;
    }

    /// <summary>The column count of a dimension such as <c>A1:H20</c> (8), or 0 when it gives none.</summary>
    private static int DimensionWidth(string? reference)
    {
        var colon = reference?.IndexOf(':') ?? -1;
        if (colon < 0)
            return 0;
        var last = reference![(colon + 1)..];
        var column = 0;
        for (var i = 0; i < last.Length && last[i] is >= 'A' and <= 'Z' && column <= MaxColumn; i++)
            column = column * 26 + (last[i] - 'A' + 1);
        return column <= MaxColumn + 1 ? column : 0;
    }

    /// <summary>Moves past the node the reader stands on, and past all of it when it is an element.</summary>
    private static void Pass(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.Element)
            reader.Skip();
        else
            reader.Read();
    }
}
