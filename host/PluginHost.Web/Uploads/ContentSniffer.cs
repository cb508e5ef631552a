using System.IO.Compression;
using System.Text;

namespace PluginHost.Web.Uploads;

/// <summary>
/// Tells a workbook by its bytes, never by its name: an Office Open XML workbook is a zip holding
/// <c>xl/workbook.xml</c>, an .xls is an OLE compound file, a CSV is text (UTF-8 or Windows-1252, no control
/// characters) whose first line has a comma or semicolon. Anything else is refused before it reaches the reader.
/// </summary>
public static class ContentSniffer
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const int TextSample = 64 * 1024;

    /// <summary>The extension the content deserves (".xlsx", ".xls", ".csv"), or null and why not: a label name (Sniff.*) of <see cref="Languages.WebLabels"/>.</summary>
    public static (string? Extension, string? Refusal) Sniff(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[Math.Min(TextSample, file.Length)];
        file.ReadExactly(head);
        if (head.Length == 0)
            return (null, "Sniff.Empty");
        if (head.AsSpan().StartsWith(Zip))
        {
            file.Position = 0;
            try
            {
                using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
                return zip.GetEntry("xl/workbook.xml") is not null ? (".xlsx", null) : (null, "Sniff.ZipNotWorkbook");
            }
            catch (InvalidDataException)
            {
                return (null, "Sniff.DamagedZip");
            }
        }
        if (head.AsSpan().StartsWith(Ole))
            return (".xls", null);
        return IsCsvText(head, complete: file.Length <= TextSample) ? (".csv", null)
            : (null, "Sniff.Neither");
    }

    private static bool IsCsvText(byte[] head, bool complete)
    {
        string text;
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            // A sample cut in the middle of a character is still UTF-8: decode up to the last whole character.
            var length = complete ? head.Length : LastWholeCharacter(head);
            text = utf8.GetString(head, 0, length);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(head); // Windows-1252 text: every byte is a character; control bytes still refuse it
        }
        // C0 controls (NUL, the bytes of binary files) refuse it; 0x80-0x9F are Windows-1252 letters and signs read as Latin-1.
        if (text.Any(c => c is < ' ' and not ('\t' or '\r' or '\n') or '\u007F'))
            return false;
        var firstLine = text.TrimStart('\uFEFF').Split('\n').FirstOrDefault(line => line.Trim().Length > 0) ?? "";
        return firstLine.Contains(',', StringComparison.Ordinal) || firstLine.Contains(';', StringComparison.Ordinal);
    }

    private static int LastWholeCharacter(byte[] bytes)
    {
        var end = bytes.Length;
        var back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80)
            back++;
        return end - back - 1 >= 0 && bytes[end - back - 1] >= 0xC0 ? end - back - 1 : end;
    }
}
