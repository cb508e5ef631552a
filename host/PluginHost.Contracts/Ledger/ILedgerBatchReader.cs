namespace PluginHost.Contracts.Ledger;

/// <summary>
/// Optional capability of the <see cref="ILedgerReader"/> the host lends (test for it with <c>is</c>): the same look-ups
/// for many keys at once, so a plugin that knows every line of a batch asks a few queries instead of one per line. Each
/// answers exactly what the single look-up would for each key, inside the same transaction.
/// </summary>
public interface ILedgerBatchReader
{
    /// <summary>The item entries with these numbers, by number; a number with no entry is absent.</summary>
    IReadOnlyDictionary<long, ItemLedgerEntry> FindItemEntries(IReadOnlyCollection<long> entryNos);

    /// <summary>For each item entry number, the capacity entry posted together with it, as <see cref="ILedgerReader.FindCapacityEntryOfItemEntry"/>; absent when none.</summary>
    IReadOnlyDictionary<long, CapacityLedgerEntry> FindCapacityEntriesOfItemEntries(IReadOnlyCollection<long> itemEntryNos);

    /// <summary>For each capacity entry number, <see cref="ILedgerReader.ReversedRunTime"/>; absent when nothing was reversed from it (0).</summary>
    IReadOnlyDictionary<long, decimal> ReversedRunTimes(IReadOnlyCollection<long> capacityEntryNos);
}
