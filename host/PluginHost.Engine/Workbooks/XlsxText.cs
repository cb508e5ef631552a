using System.Xml;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Text as the xlsx reader reads it: an element's content into a reusable buffer (numbers are parsed from the buffer, no
/// string is made for them), rich text runs gathered into one buffer, and Excel's <c>_xHHHH_</c> escapes decoded.
/// </summary>
internal static class XlsxText
{
    /// <summary>
    /// Appends the text content of the element the reader stands on at <paramref name="length"/> and returns the new
    /// length; the reader ends past the element. As <see cref="XmlReader.ReadElementContentAsString()"/>: comments are
    /// passed over, a child element is an error.
    /// </summary>
    public static int ReadContent(XmlReader reader, ref char[] buffer, int length)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return length;
        }
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    do
                    {
                        // Room for two at least: a character beyond U+FFFF is a surrogate pair, which XmlReader never splits.
                        if (buffer.Length - length < 2)
                            Array.Resize(ref buffer, buffer.Length * 2);
                        read = reader.ReadValueChunk(buffer, length, buffer.Length - length);
                        length += read;
                    }
                    while (read > 0);
                    reader.Read();
                    break;
                case XmlNodeType.Comment or XmlNodeType.ProcessingInstruction:
                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    throw new XmlException($"the element {reader.Name} is inside a value, where only text belongs", null, LineOf(reader), PositionOf(reader));
                default:
                    throw new XmlException("the sheet's XML ends inside a value", null, LineOf(reader), PositionOf(reader));
            }
        }
        reader.Read();
        return length;
    }

    /// <summary>
    /// The text of a string item (<c>si</c> of the shared strings, <c>is</c> of an inline string): its <c>t</c> and the
    /// <c>t</c> of its rich text runs <c>r</c>, in order. Phonetic runs (<c>rPh</c>) are left out, as ExcelDataReader does.
    /// Appended to the buffer; returns the new length.
    /// </summary>
    public static int ReadStringItem(XmlReader reader, XlsxNames names, ref char[] buffer, int length) => ReadTexts(reader, names, ref buffer, length, runs: true);

    /// <summary>The <c>t</c> children of the current element, and with <paramref name="runs"/> those of its runs <c>r</c>; anything else is skipped.</summary>
    private static int ReadTexts(XmlReader reader, XlsxNames names, ref char[] buffer, int length, bool runs)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return length;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (names.IsStart(reader, names.Text))
                length = ReadContent(reader, ref buffer, length);
            else if (runs && names.IsStart(reader, names.Run))
                length = ReadTexts(reader, names, ref buffer, length, runs: false);
            else if (reader.NodeType == XmlNodeType.Element)
                reader.Skip();
            else
                reader.Read();
        }
        reader.Read();
        return length;
    }

    /// <summary>
    /// The text with Excel's escapes for characters XML cannot hold (<c>_x000D_</c>, upper-case hex only) decoded, as
    /// ExcelDataReader's <c>ConvertEscapeChars</c> does for every string cell.
    /// </summary>
    public static string Unescape(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
            return new string(text);
        var decoded = new System.Text.StringBuilder(text.Length);
        decoded.Append(text[..at]);
        for (var i = at; i < text.Length;)
        {
            if (i + 7 <= text.Length && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_' && IsUpperHex(text[i + 2]) && IsUpperHex(text[i + 3]) && IsUpperHex(text[i + 4]) && IsUpperHex(text[i + 5]))
            {
                decoded.Append((char)int.Parse(text.Slice(i + 2, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
                i += 7;
            }
            else
            {
                decoded.Append(text[i]);
                i++;
            }
        }
        return decoded.ToString();
    }

    private static bool IsUpperHex(char c) => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F';

    private static int LineOf(XmlReader reader) => (reader as IXmlLineInfo)?.LineNumber ?? 0;

    private static int PositionOf(XmlReader reader) => (reader as IXmlLineInfo)?.LinePosition ?? 0;
}
