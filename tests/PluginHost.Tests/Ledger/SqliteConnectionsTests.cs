using PluginHost.Engine.Ledger;
using PluginHost.Tests.Support;
using SQLitePCL;

namespace PluginHost.Tests.Ledger;

public sealed class SqliteConnectionsTests
{
    [Fact]
    public void SQLite_counts_no_memory_once_the_host_has_opened_a_ledger()
    {
        using var folder = new TempFolder();
        using (var store = LedgerStore.Open(folder.File("ledger.db")))
        {
            // Kept on, SQLite would have counted what opening and migrating the ledger allocated.
            Assert.False(SqliteConnections.MemoryStatistics);
            Assert.Equal(0, raw.sqlite3_memory_used());
        }
    }
}
