using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>The ledgers as a plugin sees them while it looks up facts: inside the batch's transaction.</summary>
internal sealed class SqliteLedgerReader(SqliteConnection connection, SqliteTransaction transaction) : ILedgerReader
{
    public ItemLedgerEntry? FindItemEntry(long entryNo) =>
        connection.Query(transaction, $"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE entry_no = $n", EntryRows.Item, ("$n", entryNo)).FirstOrDefault();

    public CapacityLedgerEntry? FindCapacityEntryOfItemEntry(long itemEntryNo) =>
        connection.Query(transaction, $"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE item_entry_no = $n ORDER BY entry_no LIMIT 1", EntryRows.Capacity, ("$n", itemEntryNo)).FirstOrDefault();

    public decimal ReversedRunTime(long capacityEntryNo) =>
        -Scaled.Quantity(Convert.ToInt64(connection.Scalar(transaction, "SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE reverses_entry_no = $n", ("$n", capacityEntryNo)), System.Globalization.CultureInfo.InvariantCulture));
}
