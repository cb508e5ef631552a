using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.OutputReversal;

/// <summary>
/// Looks up each reversal's applied entry and keeps what the lines above already reversed from it, so that two
/// lines of one workbook cannot together reverse more than remains.
/// </summary>
internal sealed class OutputFacts(ILedgerReader ledger) : IBatchFacts, IBatchFactsFeedback
{
    private readonly Dictionary<long, (decimal Quantity, decimal RunTime)> _reversedEarlier = [];
    private readonly Dictionary<JournalLine, (long Entry, decimal Quantity, decimal RunTime)> _claims = new(ReferenceEqualityComparer.Instance);

    /// <summary>A refused row posts nothing, so what it would have reversed stays available to the rows below.</summary>
    public void Refused(JournalLine line)
    {
        if (!_claims.Remove(line, out var claim))
            return;
        var earlier = _reversedEarlier[claim.Entry];
        _reversedEarlier[claim.Entry] = (earlier.Quantity - claim.Quantity, earlier.RunTime - claim.RunTime);
    }

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
        {
            var claim = (entryNo, Math.Max(0, -line.OutputQuantity), Math.Max(0, -line.RunTime));
            _reversedEarlier[entryNo] = (earlier.Quantity + claim.Item2, earlier.RunTime + claim.Item3);
            _claims[line] = claim;
        }
        return [applied];
    }
}
