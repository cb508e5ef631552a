namespace PluginHost.Engine.Ledger;

/// <summary>
/// The first document totals of a batch (per document number and ledger, in the report's order), kept as the batch's
/// entries are written instead of grouping the whole batch with SQL afterwards, which cost a sort of every entry at the
/// end of every posting (docs/performance.md). Only the first <see cref="Limit"/> keys are kept. A key leaves them only
/// when <see cref="Limit"/> smaller keys have been seen, and no later entry can change that, so what is kept equals
/// the first <see cref="Limit"/> groups of every entry: <c>BatchSummaryQueries</c>' grouping, which a recorded batch's
/// report still uses.
/// </summary>
internal sealed class DocumentTotals(int limit)
{
    // Sums are of the stored (scaled) figures, as SQL sums them: exact, whatever the order.
    private sealed class Sums
    {
        public int Count;
        public long First;
        public long Second;
        public long Third;
    }

    private readonly Dictionary<(string Document, int Ledger), Sums> _kept = [];
    // The kept keys, largest first: the one to let go when a smaller key comes.
    private readonly PriorityQueue<(string Document, int Ledger), (string Document, int Ledger)> _largestFirst = new(Comparer<(string, int)>.Create((a, b) => KeyOrder(b, a)));

    /// <summary>How many document totals are kept.</summary>
    public int Limit { get; } = limit;

    /// <summary>True when no key was ever let go: the kept totals are every document of the batch.</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>Counts one entry of <paramref name="document"/> in <paramref name="ledger"/> (0 item, 1 capacity, 2 customer, 3 project), with its stored figures.</summary>
    public void Add(string document, int ledger, long first, long second = 0, long third = 0)
    {
        var key = (document, ledger);
        if (!_kept.TryGetValue(key, out var sums))
        {
            if (_kept.Count == Limit)
            {
                Complete = false;
                if (KeyOrder(key, _largestFirst.Peek()) > 0)
                    return; // past the first Limit keys, now and for good
                _kept.Remove(_largestFirst.Dequeue());
            }
            _kept.Add(key, sums = new Sums());
            _largestFirst.Enqueue(key, key);
        }
        sums.Count++;
        sums.First += first;
        sums.Second += second;
        sums.Third += third;
    }

    /// <summary>The kept totals by document number, then ledger; figures as <c>BatchSummaryQueries</c> reads them.</summary>
    public IReadOnlyList<DocumentSums> First() =>
        [.. _kept.OrderBy(k => k.Key, Comparer<(string, int)>.Create(KeyOrder)).Select(k => new DocumentSums(k.Key.Document, k.Key.Ledger, k.Value.Count, Figures(k.Key.Ledger, k.Value)))];

    private static LedgerSums Figures(int ledger, Sums s) => ledger switch
    {
        0 => new LedgerSums(Quantity: Scaled.Quantity(s.First)),
        1 => new LedgerSums(RunTime: Scaled.Quantity(s.First), Output: Scaled.Quantity(s.Second)),
        2 => new LedgerSums(Amount: Scaled.Amount(s.First)),
        _ => new LedgerSums(Billed: Scaled.Amount(s.First), Unbilled: Scaled.Amount(s.Second)),
    };

    /// <summary>SQLite's <c>ORDER BY document_no, ledger</c>: text in code point order (its UTF-8 bytes), then the ledger.</summary>
    private static int KeyOrder((string Document, int Ledger) a, (string Document, int Ledger) b)
    {
        var text = CodePointOrder(a.Document, b.Document);
        return text != 0 ? text : a.Ledger.CompareTo(b.Ledger);
    }

    /// <summary>
    /// Ordinal comparison of UTF-16 differs from code point order only where a surrogate pair meets U+E000 to U+FFFF;
    /// moving surrogates above that range gives code point order, which is the order of the UTF-8 bytes SQLite compares.
    /// </summary>
    private static int CodePointOrder(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
                return Fixed(a[i]) - Fixed(b[i]);
        }
        return a.Length - b.Length;
    }

    private static int Fixed(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
