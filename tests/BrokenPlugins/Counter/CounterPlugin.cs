using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace Counter;

/// <summary>
/// Posts each line of a "Counts" sheet as an item entry whose production order names the plugin's version. Built three
/// times (Counter, CounterV2, CounterV3: all Counter.dll) for tests that replace one version with another.
/// </summary>
public sealed class CounterPlugin : IPostingPlugin
{
#if COUNTER_V3
    private const string Version = "V3";
#elif COUNTER_V2
    private const string Version = "V2";
#else
    private const string Version = "V1";
#endif

    public string Name => "counter";

    public string Description => $"Test plugin, version {Version}: posts item counts.";

    public JournalSchema Schema { get; } = new(typeof(CountLine), ["Counts"]);

    public IReadOnlyList<RuleInput> RuleInputs { get; } = [new("line", typeof(CountLine), "the journal line")];

    public IBatchFacts BeginBatch(ILedgerReader ledger) => new NoFacts();

    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context) => new()
    {
        ItemEntries = [.. lines.Select(posting => (CountLine)posting.Line).Select(line => new ItemLedgerEntry
        {
            EntryNo = context.NextEntryNo(LedgerKind.Item),
            Batch = context.Batch,
            Row = line.Row,
            PostingDate = line.PostingDate!.Value,
            EntryType = ItemEntryType.Output,
            ProdOrderNo = "COUNTED-BY-" + Version,
            DocumentNo = line.DocumentNo,
            ItemNo = line.ItemNo,
            Quantity = line.Counted,
            RemainingQuantity = line.Counted,
            Open = true,
        })],
    };

    private sealed class NoFacts : IBatchFacts
    {
        public IReadOnlyList<object?> FactsFor(JournalLine line) => [];
    }
}

/// <summary>A line of the "Counts" sheet: a document and a quantity of an item.</summary>
public sealed class CountLine : JournalLine
{
    [Column("Posting Date")]
    public DateOnly? PostingDate { get; init; }

    [Column("Document No.")]
    public string DocumentNo { get; init; } = "";

    [Column("Item No.")]
    public string ItemNo { get; init; } = "";

#if COUNTER_V3
    /// <summary>Version 3 renames the field (the column stays "Quantity"), so rules written for line.Quantity no longer compile.</summary>
    [Column("Quantity")]
    public decimal Count { get; init; }

    internal decimal Counted => Count;
#else
    [Column("Quantity")]
    public decimal Quantity { get; init; }

    internal decimal Counted => Quantity;
#endif
}
