using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace ThrowingPoster;

/// <summary>
/// Checks its lines like any plugin, then fails in <see cref="Post"/>: on a line whose document is BOOM it throws
/// after taking entry numbers for the lines above; on a line whose document is TWICE it hands the host two item
/// entries with the same number, which the ledger must refuse.
/// </summary>
public sealed class ThrowingPosterPlugin : IPostingPlugin
{
    public string Name => "throwing-poster";

    public string Description => "Test plugin: posts item counts, and fails while posting on document BOOM or TWICE.";

    public JournalSchema Schema { get; } = new(typeof(CountLine), ["Counts"]);

    public IReadOnlyList<RuleInput> RuleInputs { get; } = [new("line", typeof(CountLine), "the journal line")];

    public IBatchFacts BeginBatch(ILedgerReader ledger) => new NoFacts();

    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context)
    {
        var items = new List<ItemLedgerEntry>();
        foreach (var posting in lines)
        {
            var line = (CountLine)posting.Line;
            if (line.DocumentNo == "BOOM")
                throw new InvalidOperationException($"the costing service did not answer for row {line.Row}");
            var entryNo = context.NextEntryNo(LedgerKind.Item);
            items.Add(new ItemLedgerEntry
            {
                EntryNo = line.DocumentNo == "TWICE" && items.Count > 0 ? items[0].EntryNo : entryNo,
                Batch = context.Batch,
                Row = line.Row,
                PostingDate = line.PostingDate!.Value,
                EntryType = ItemEntryType.Output,
                ProdOrderNo = "PO-COUNT",
                DocumentNo = line.DocumentNo,
                ItemNo = line.ItemNo,
                Quantity = line.Quantity,
                RemainingQuantity = line.Quantity,
                Open = true,
            });
        }
        return new PostingResult { ItemEntries = items };
    }

    private sealed class NoFacts : IBatchFacts
    {
        public IReadOnlyList<object?> FactsFor(JournalLine line) => [];
    }
}
