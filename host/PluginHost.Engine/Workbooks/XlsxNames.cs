using System.Xml;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// The SpreadsheetML element and attribute names the xlsx reader looks for, atomized in one <see cref="XmlNameTable"/>
/// so that a name read is compared by reference, not character by character. Only the transitional namespace: the
/// strict one (purl.oclc.org) is not SpreadsheetML to ExcelDataReader 3.6 either, which reads no sheets from it.
/// </summary>
internal sealed class XlsxNames
{
    public XlsxNames()
    {
        Table = new NameTable();
        Main = Table.Add("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        Relationships = Table.Add("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        Worksheet = Table.Add("worksheet");
        Dimension = Table.Add("dimension");
        SheetData = Table.Add("sheetData");
        Row = Table.Add("row");
        Cell = Table.Add("c");
        Value = Table.Add("v");
        InlineString = Table.Add("is");
        Text = Table.Add("t");
        Run = Table.Add("r");
        Style = Table.Add("s");
        Reference = Table.Add("ref");
        StringItem = Table.Add("si");
    }

    public XmlNameTable Table { get; }
    public string Main { get; }
    public string Relationships { get; }
    public string Worksheet { get; }
    public string Dimension { get; }
    public string SheetData { get; }
    public string Row { get; }
    public string Cell { get; }
    public string Value { get; }
    public string InlineString { get; }
    public string Text { get; }
    public string Run { get; }
    public string Style { get; }
    public string Reference { get; }
    public string StringItem { get; }

    /// <summary>
    /// Settings as ExcelDataReader's <c>XmlReader.Create(stream)</c>: white space is kept (a cell of one space is a
    /// space), DTDs are refused; plus this name table.
    /// </summary>
    public XmlReaderSettings Settings() => new() { NameTable = Table, DtdProcessing = DtdProcessing.Prohibit, CloseInput = true };

    /// <summary>True when the reader stands on the start of element <paramref name="name"/> of the SpreadsheetML namespace.</summary>
    public bool IsStart(XmlReader reader, string name) =>
        reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, name) && ReferenceEquals(reader.NamespaceURI, Main);
}
