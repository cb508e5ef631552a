using PluginHost.Cli.Output;
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
            return Refuse(context, path, $"the database {path} does not exist (post a workbook first, or give --db)");
        LedgerStore store;
        try
        {
            store = LedgerStore.OpenForReading(path);
        }
        catch (Exception ex) when (ex is IOException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return Refuse(context, path, $"the database {path} cannot be opened: {DatabaseFault.Describe(ex)}");
        }
        using (store)
            return read(store);
    }

    /// <summary>Says why the database cannot be read: on stderr, and with --json also as one JSON object on stdout.</summary>
    private static int Refuse(CliContext context, string path, string message)
    {
        context.Error.WriteLine($"error: {message}");
        if (context.WantsJson)
            Json.Write(context.Out, new { database = path, ok = false, error = message });
        return ExitCodes.BadInput;
    }
}
