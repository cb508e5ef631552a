using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PluginHost.Contracts.Journal;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// A SHA-256 of what a journal says rather than of its bytes: every line's journal columns as read (typed, in the
/// invariant culture, trailing zeros dropped), in order, without row numbers, sheet name or columns posting ignores. A
/// workbook saved again by Excel, the same lines as CSV in another encoding, or with a comment column added has other
/// bytes but the same fingerprint, so it is recognised as already posted.
/// </summary>
public static class JournalFingerprint
{
    /// <summary>The fingerprint of <paramref name="lines"/> for the plugin named <paramref name="plugin"/>.</summary>
    public static string Of(string plugin, Type lineType, IReadOnlyList<JournalLine> lines)
    {
        var columns = JournalColumns.Of(lineType).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder(plugin).Append('\n');
        foreach (var line in lines)
        {
            foreach (var column in columns)
                text.Append(Canonical(column.Property.GetValue(line))).Append('\u001F');
            text.Append('\n');
            if (text.Length > 1 << 16)
                Flush(hash, text);
        }
        Flush(hash, text);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Flush(IncrementalHash hash, StringBuilder text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        text.Clear();
    }

    private static string Canonical(object? value) => value switch
    {
        null => "",
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
