using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.OutputReversal;

/// <summary>
/// Posts Business Central output journals: forward output, reversals of output already posted (negative output and
/// run time applied to the original item entry), and run time alone (Output Quantity 0), which goes to the capacity
/// ledger only. Its checks live in rules/output-reversal.json. Each line
/// posts on its own, so the host posts a long journal in chunks while it reads it.
/// </summary>
public sealed class OutputReversalPlugin : IPostingPlugin, IPostsInChunks
{
    /// <inheritdoc />
    public string Name => "output-reversal";

    /// <inheritdoc />
    public string Description => "Output journal: posts production output and reverses output already posted (Business Central).";

    /// <inheritdoc />
    public JournalSchema Schema { get; } = new(typeof(OutputJournalLine), ["Output Journal", "Utflödesjournal", "Ferdigmeldingskladd"])
    {
        SheetNameByLanguage = new Dictionary<string, string> { ["en"] = "Output Journal", ["sv"] = "Utflödesjournal", ["nb"] = "Ferdigmeldingskladd" },
    };

    /// <inheritdoc />
    public IReadOnlyList<RuleInput> RuleInputs { get; } =
    [
        new("line", typeof(OutputJournalLine), "the journal line"),
        new("applied", typeof(AppliedOutputEntry), "the output entry named by Applies-to Entry, with what remains of it after the lines above"),
        new("operation", typeof(OperationRunTime), "for a line that takes run time off: the run time posted on its production order's operation, with the lines above"),
    ];

    /// <inheritdoc />
    public IBatchFacts BeginBatch(ILedgerReader ledger) => new OutputFacts(ledger);

    /// <inheritdoc />
    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context)
    {
        var items = new List<ItemLedgerEntry>();
        var capacity = new List<CapacityLedgerEntry>();
        var applications = new List<ItemApplication>();
        foreach (var posting in lines)
        {
            var line = (OutputJournalLine)posting.Line;
            if (line.OutputQuantity == 0)
            {
                // Run time only, in either direction: the capacity ledger alone, with no item entry.
                capacity.Add(Capacity(line, context, itemEntryNo: 0));
                continue;
            }
            var itemEntryNo = context.NextEntryNo(LedgerKind.Item);
            if (line.IsReversal)
            {
                var applied = (AppliedOutputEntry)posting.Facts[0]!;
                items.Add(Item(line, context, itemEntryNo) with { RemainingQuantity = 0, Open = false, AppliesToEntry = applied.EntryNo });
                applications.Add(new ItemApplication(applied.EntryNo, -line.OutputQuantity, line.Row));
                capacity.Add(Capacity(line, context, itemEntryNo) with { ReversesEntryNo = applied.CapacityEntryNo == 0 ? null : applied.CapacityEntryNo });
            }
            else
            {
                items.Add(Item(line, context, itemEntryNo) with { RemainingQuantity = line.OutputQuantity, Open = true });
                capacity.Add(Capacity(line, context, itemEntryNo));
            }
        }
        return new PostingResult { ItemEntries = items, CapacityEntries = capacity, ItemApplications = applications };
    }

    private static ItemLedgerEntry Item(OutputJournalLine line, IPostingContext context, long entryNo) => new()
    {
        EntryNo = entryNo,
        Batch = context.Batch,
        Row = line.Row,
        PostingDate = line.PostingDate!.Value,
        EntryType = ItemEntryType.Output,
        DocumentNo = line.DocumentNo,
        ItemNo = line.ItemNo,
        ProdOrderNo = line.ProdOrderNo,
        Quantity = line.OutputQuantity,
        RemainingQuantity = 0,
        Open = false,
    };

    private static CapacityLedgerEntry Capacity(OutputJournalLine line, IPostingContext context, long itemEntryNo) => new()
    {
        EntryNo = context.NextEntryNo(LedgerKind.Capacity),
        Batch = context.Batch,
        Row = line.Row,
        PostingDate = line.PostingDate!.Value,
        DocumentNo = line.DocumentNo,
        ProdOrderNo = line.ProdOrderNo,
        OperationNo = line.OperationNo,
        ItemNo = line.ItemNo,
        RunTime = line.RunTime,
        OutputQuantity = line.OutputQuantity,
        ItemEntryNo = itemEntryNo,
    };
}
