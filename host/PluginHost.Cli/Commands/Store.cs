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
            store = LedgerStore.OpenForReading(path);
        }
        catch (Exception ex) when (ex is IOException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            context.Error.WriteLine($"error: the database {path} cannot be opened: {(ex is Microsoft.Data.Sqlite.SqliteException sqlite ? DatabaseFault.Describe(sqlite) : ex.Message)}");
            return ExitCodes.BadInput;
        }
        using (store)
            return read(store);
    }
}
