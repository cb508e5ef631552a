using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.OutputReversal;

/// <summary>
/// Looks up each reversal's applied entry and keeps what the lines above already reversed from it, so that two
/// lines of one workbook cannot together reverse more than remains; and, for a line that corrects run time only, the
/// run time posted on its operation, with what every row above added to or took from that operation.
/// </summary>
internal sealed class OutputFacts(ILedgerReader ledger) : IBatchFacts, IBatchFactsFeedback, IBatchFactsLookAhead
{
    /// <summary>
    /// What one chunk's lines look up: the reversals' applied entries, those entries' capacity entries and the run time
    /// reversed from each, and the run time posted on the operation of every line that takes run time off.
    /// </summary>
    private sealed record Found(HashSet<long> Applied, IReadOnlyDictionary<long, ItemLedgerEntry> Entries,
        IReadOnlyDictionary<long, CapacityLedgerEntry> Capacity, IReadOnlyDictionary<long, decimal> ReversedRunTime,
        HashSet<(string ProdOrderNo, string OperationNo)> OperationsAsked, IReadOnlyDictionary<(string ProdOrderNo, string OperationNo), decimal> PostedRunTime);

    private Found? _found;

    /// <summary>
    /// Looks up every applied entry of the batch, its capacity entry and the run time reversed from it, and the run time
    /// posted on the operation of every line that takes run time off, in a few queries
    /// when the ledger can (<see cref="ILedgerBatchReader"/>); <see cref="FactsFor"/> then reads them from here.
    /// </summary>
    public void Prefetch(IReadOnlyList<JournalLine> lines) => UseLookAhead(LookAhead(lines, ledger));

    public object? LookAhead(IReadOnlyList<JournalLine> lines, ILedgerReader reader)
    {
        if (reader is not ILedgerBatchReader batch)
            return null;
        var output = lines.OfType<OutputJournalLine>().ToList();
        var applied = output.Where(l => l.AppliesToEntry is not null).Select(l => l.AppliesToEntry!.Value).ToHashSet();
        var entries = batch.FindItemEntries(applied);
        var capacity = batch.FindCapacityEntriesOfItemEntries([.. entries.Keys]);
        var operations = output.Where(l => l.RunTime < 0).Select(l => (l.ProdOrderNo, l.OperationNo)).ToHashSet();
        return new Found(applied, entries, capacity, batch.ReversedRunTimes([.. capacity.Values.Select(c => c.EntryNo)]), operations, batch.PostedRunTimes(operations));
    }

    public void UseLookAhead(object? found) => _found = (Found?)found;

    private ItemLedgerEntry? ItemEntry(long entryNo) =>
        _found is { } found && found.Applied.Contains(entryNo) ? found.Entries.GetValueOrDefault(entryNo) : ledger.FindItemEntry(entryNo);

    private CapacityLedgerEntry? CapacityOf(long entryNo) =>
        _found is { } found && found.Applied.Contains(entryNo) ? found.Capacity.GetValueOrDefault(entryNo) : ledger.FindCapacityEntryOfItemEntry(entryNo);

    private decimal ReversedRunTime(long itemEntryNo, long capacityEntryNo) =>
        _found is { } found && found.Applied.Contains(itemEntryNo) ? found.ReversedRunTime.GetValueOrDefault(capacityEntryNo) : ledger.ReversedRunTime(capacityEntryNo);

    private decimal PostedRunTime(string prodOrderNo, string operationNo) =>
        _found is { } found && found.OperationsAsked.Contains((prodOrderNo, operationNo))
            ? found.PostedRunTime.GetValueOrDefault((prodOrderNo, operationNo))
            : ledger.PostedRunTime(prodOrderNo, operationNo);

    private readonly Dictionary<long, (decimal Quantity, decimal RunTime)> _reversedEarlier = [];
    // The run time each row above added to (or took from) its operation: a few fields per operation of the batch.
    private readonly Dictionary<(string ProdOrderNo, string OperationNo), decimal> _runTimeAbove = [];
    // Only the last line's claims: the host says a line was refused before it asks for the next (IBatchFactsFeedback),
    // so nothing is kept per line of a batch of any length.
    private (int Row, long Entry, decimal Quantity, decimal RunTime)? _lastClaim;
    private (int Row, (string, string) Operation, decimal RunTime)? _lastRunTime;

    /// <summary>A refused row posts nothing, so what it would have reversed or added stays as it was for the rows below.</summary>
    public void Refused(JournalLine line)
    {
        if (_lastRunTime is { } added && added.Row == line.Row)
        {
            _runTimeAbove[added.Operation] -= added.RunTime;
            _lastRunTime = null;
        }
        if (_lastClaim is not { } claim || claim.Row != line.Row)
            return;
        var earlier = _reversedEarlier[claim.Entry];
        _reversedEarlier[claim.Entry] = (earlier.Quantity - claim.Quantity, earlier.RunTime - claim.RunTime);
        _lastClaim = null;
    }

    public IReadOnlyList<object?> FactsFor(JournalLine journalLine)
    {
        var line = (OutputJournalLine)journalLine;
        _lastClaim = null;
        var operation = OperationOf(line);
        if (line.AppliesToEntry is not { } entryNo || ItemEntry(entryNo) is not { } entry)
            return [AppliedOutputEntry.None, operation];

        var capacity = CapacityOf(entryNo);
        var earlier = _reversedEarlier.GetValueOrDefault(entryNo);
        var runTimeLeft = capacity is null ? 0 : capacity.RunTime - ReversedRunTime(entryNo, capacity.EntryNo);
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
            var (quantity, runTime) = (Math.Max(0, -line.OutputQuantity), Math.Max(0, -line.RunTime));
            _reversedEarlier[entryNo] = (earlier.Quantity + quantity, earlier.RunTime + runTime);
            _lastClaim = (line.Row, entryNo, quantity, runTime);
        }
        return [applied, operation];
    }

    /// <summary>Counts the line's run time on its operation, and for a line that takes run time off tells what the operation had before it.</summary>
    private OperationRunTime OperationOf(OutputJournalLine line)
    {
        _lastRunTime = null;
        if (line.RunTime == 0)
            return OperationRunTime.None;
        var key = (line.ProdOrderNo, line.OperationNo);
        var above = _runTimeAbove.GetValueOrDefault(key);
        _runTimeAbove[key] = above + line.RunTime;
        _lastRunTime = (line.Row, key, line.RunTime);
        if (line.RunTime >= 0)
            return OperationRunTime.None;
        var inLedger = PostedRunTime(line.ProdOrderNo, line.OperationNo);
        return new OperationRunTime { InLedger = inLedger, ByRowsAbove = above, Posted = inLedger + above };
    }
}
