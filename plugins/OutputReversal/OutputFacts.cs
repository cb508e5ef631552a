using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.OutputReversal;

/// <summary>
/// Looks up each reversal's applied entry and keeps what the lines above already reversed from it, so that two
/// lines of one workbook cannot together reverse more than remains.
/// </summary>
internal sealed class OutputFacts(ILedgerReader ledger) : IBatchFacts
{
    private readonly Dictionary<long, (decimal Quantity, decimal RunTime)> _reversedEarlier = [];

    public IReadOnlyList<object?> FactsFor(JournalLine journalLine)
    {
        var line = (OutputJournalLine)journalLine;
        if (line.AppliesToEntry is not { } entryNo || ledger.FindItemEntry(entryNo) is not { } entry)
            return [AppliedOutputEntry.None];

        var capacity = ledger.FindCapacityEntryOfItemEntry(entryNo);
        var earlier = _reversedEarlier.GetValueOrDefault(entryNo);
        var runTimeLeft = capacity is null ? 0 : capacity.RunTime - ledger.ReversedRunTime(capacity.EntryNo);
        var applied = new AppliedOutputEntry
        {
            Exists = true,
            EntryNo = entry.EntryNo,
            EntryType = entry.EntryType.ToString(),
            ProdOrderNo = entry.ProdOrderNo ?? "",
            ItemNo = entry.ItemNo,
            Quantity = entry.Quantity,
            IsReversal = entry.AppliesToEntry is not null || entry.Quantity < 0,
            OperationNo = capacity?.OperationNo ?? "",
            Open = entry.Open,
            RemainingInLedger = entry.RemainingQuantity,
            RemainingQuantity = entry.RemainingQuantity - earlier.Quantity,
            ReversedByEarlierLines = earlier.Quantity,
            CapacityEntryNo = capacity?.EntryNo ?? 0,
            RunTime = capacity?.RunTime ?? 0,
            RemainingRunTime = runTimeLeft - earlier.RunTime,
        };
        // Only what a reversal takes away counts against later lines.
        if (line.OutputQuantity < 0 || line.RunTime < 0)
            _reversedEarlier[entryNo] = (earlier.Quantity + Math.Max(0, -line.OutputQuantity), earlier.RunTime + Math.Max(0, -line.RunTime));
        return [applied];
    }
}
