using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace ThrowingPoster;

/// <summary>
/// Checks its lines like any plugin, then fails in <see cref="Post"/>: on a line whose document is BOOM it throws
/// after taking entry numbers for the lines above; on a line whose document is TWICE it hands the host two item
/// entries with the same number, which the ledger must refuse. Its look-ups, made ahead on the host's reading thread,
/// throw for a chunk holding a line whose document is AHEAD; its facts throw for a line whose document is FACTS.
/// </summary>
public sealed class ThrowingPosterPlugin : IPostingPlugin, IPostsInChunks
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

    private sealed class NoFacts : IBatchFacts, IBatchFactsLookAhead
    {
        public IReadOnlyList<object?> FactsFor(JournalLine line) => line is CountLine { DocumentNo: "FACTS" }
            ? throw new InvalidOperationException($"the stock count could not be read for row {line.Row}")
            : [];

        public void Prefetch(IReadOnlyList<JournalLine> lines) => UseLookAhead(LookAhead(lines, null!));

        public object? LookAhead(IReadOnlyList<JournalLine> lines, ILedgerReader ledger) =>
            lines.Cast<CountLine>().FirstOrDefault(l => l.DocumentNo == "AHEAD") is { } line
                ? throw new InvalidOperationException($"the price list could not be read for row {line.Row}")
                : lines.Count;

        public void UseLookAhead(object? found)
        {
        }
    }
}
