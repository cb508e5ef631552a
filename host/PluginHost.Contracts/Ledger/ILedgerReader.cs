namespace PluginHost.Contracts.Ledger;

/// <summary>
/// Read access to the host's ledgers, lent to a plugin while it looks up facts. It sees the database
/// inside the batch's write transaction, so what it reads cannot change before the batch is written.
/// </summary>
public interface ILedgerReader
{
    /// <summary>The item entry with this number, or null.</summary>
    ItemLedgerEntry? FindItemEntry(long entryNo);

    /// <summary>The capacity entry posted together with an item entry (its <c>ItemEntryNo</c>), or null.</summary>
    CapacityLedgerEntry? FindCapacityEntryOfItemEntry(long itemEntryNo);

    /// <summary>The run time already reversed from a capacity entry: the sum, made positive, of the entries reversing it.</summary>
    decimal ReversedRunTime(long capacityEntryNo);
}
