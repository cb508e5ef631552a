using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// Makes every SQLite connection of the host, so that SQLite's process-wide settings are made before the first one
/// opens: SQLite accepts them only until it initialises, which its first connection does.
/// </summary>
internal static class SqliteConnections
{
    // sqlite3_config's option numbers (sqlite3.h), which SQLitePCLRaw does not name.
    private const int ConfigMemStatus = 9;

    /// <summary>
    /// Whether SQLite still keeps its memory statistics: false once they were turned off, true when a connection opened
    /// elsewhere in the process (not through this class) initialised SQLite first.
    /// </summary>
    public static bool MemoryStatistics { get; } = Configure();

    /// <summary>A connection, not yet open, with the process's settings made.</summary>
    public static SqliteConnection Create(string connectionString)
    {
        _ = MemoryStatistics;
        return new SqliteConnection(connectionString);
    }

    /// <summary>
    /// Turns off SQLite's memory statistics (sqlite3_memory_used), which no part of the host reads. Kept on, every
    /// allocation SQLite makes takes one process-wide mutex to count itself; a batch posts on one thread while another
    /// reads its snapshot of the ledger (docs/pipeline.md), and the two threads met on that mutex hundreds of thousands
    /// of times a batch (docs/performance.md).
    /// </summary>
    private static bool Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(ConfigMemStatus, 0) != raw.SQLITE_OK;
    }
}
