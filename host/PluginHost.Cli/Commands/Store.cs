using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;

namespace PluginHost.Cli.Commands;

/// <summary>Opens the database for a read command, turning a missing or unreadable file into exit code 2.</summary>
internal static class Store
{
    public static int Use(CliContext context, Func<LedgerStore, int> read)
    {
        var path = context.Folders.Database;
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"error: the database {path} does not exist (post a workbook first, or give --db)");
            return ExitCodes.BadInput;
        }
        LedgerStore store;
        try
        {
            store = OpenForReading(path);
        }
        catch (Exception ex) when (ex is IOException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            context.Error.WriteLine($"error: the database {path} cannot be opened: {(ex is Microsoft.Data.Sqlite.SqliteException sqlite ? DatabaseFault.Describe(sqlite) : ex.Message)}");
            return ExitCodes.BadInput;
        }
        using (store)
            return read(store);
    }

    /// <summary>
    /// The database as posting opens it (migrated, WAL); one PluginHost may not write (a read-only file or folder, an
    /// archived copy) is still read, as it is, so that it can be listed and checked.
    /// </summary>
    private static LedgerStore OpenForReading(string path)
    {
        try
        {
            return LedgerStore.Open(path);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) is 8 or 14)
        {
            return LedgerStore.OpenReadOnly(path);
        }
    }
}
