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
public sealed class JournalFingerprint : IDisposable
{
    private readonly IReadOnlyList<JournalColumn> _columns;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _text;

    /// <summary>Starts the fingerprint of a journal of <paramref name="lineType"/> for the plugin named <paramref name="plugin"/>.</summary>
    public JournalFingerprint(string plugin, Type lineType)
    {
        _columns = JournalColumns.Of(lineType).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        _text = new StringBuilder(plugin).Append('\n');
    }

    /// <summary>Adds the next lines, in sheet order.</summary>
    public void Add(IReadOnlyList<JournalLine> lines)
    {
        foreach (var line in lines)
        {
            foreach (var column in _columns)
                _text.Append(Canonical(LineAccessors.Get(column.Property, line))).Append('\u001F');
            _text.Append('\n');
            if (_text.Length > 1 << 16)
                Flush();
        }
    }

    /// <summary>The fingerprint of every line added.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();

    private void Flush()
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(_text.ToString()));
        _text.Clear();
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
