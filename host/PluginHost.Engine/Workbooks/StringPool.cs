namespace PluginHost.Engine.Workbooks;

/// <summary>
/// One instance per distinct short text of a read: a journal repeats its item, order, customer and operation numbers on
/// many lines, and every line is held until the batch is posted, so each repeat would otherwise be a string of its own
/// (docs/performance.md). The pool stops growing at <see cref="Capacity"/> distinct texts, so a column of unique
/// values (document numbers) costs it no more than that. Past that, a text equal to the one above it in the same column
/// (the lines of one document, say) is still given that one's instance.
/// </summary>
internal sealed class StringPool
{
    public const int Capacity = 1 << 16;

    private const int LongestPooled = 64;

    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private string?[] _above = new string?[16];

    private string Intern(string text)
    {
        if (text.Length > LongestPooled)
            return text;
        if (_texts.TryGetValue(text, out var pooled))
            return pooled;
        if (_texts.Count < Capacity)
            _texts.Add(text);
        return text;
    }

    /// <summary>The pooled instance of <paramref name="text"/>, read in sheet column <paramref name="column"/>.</summary>
    public string Intern(string text, int column)
    {
        if (column < _above.Length && _above[column] is { } above && string.Equals(above, text, StringComparison.Ordinal))
            return above;
        var pooled = Intern(text);
        if (column >= _above.Length)
            Array.Resize(ref _above, Math.Max(column + 1, _above.Length * 2));
        _above[column] = pooled;
        return pooled;
    }
}
