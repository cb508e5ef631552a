using Microsoft.Data.Sqlite;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// What a SQLite failure means for the person at the keyboard: the cause in plain words first, SQLite's own text after,
/// so "attempt to write a readonly database" arrives as something a finance user can act on.
/// </summary>
public static class DatabaseFault
{
    /// <summary>The cause of <paramref name="ex"/> in plain words, followed by SQLite's message.</summary>
    public static string Describe(SqliteException ex) => $"{Cause(ex.SqliteErrorCode)} (SQLite: {ex.Message.TrimEnd('.')})";

    /// <summary>Any failure to open or use the database: SQLite's in plain words, others by their own message.</summary>
    public static string Describe(Exception ex) => ex is SqliteException sqlite ? Describe(sqlite) : ex.Message;

    private static string Cause(int code) => (code & 0xFF) switch
    {
        5 or 6 => "another program kept the database busy for longer than the 30 seconds PluginHost waits",
        8 => "the database file is read-only: PluginHost needs to write it and the files beside it (check the file's and its folder's permissions)",
        10 => "the disk reported an input/output error",
        11 or 26 => "the file is damaged or is not a PluginHost database",
        13 => "the disk holding the database is full: free some space and post again",
        14 => "the database file cannot be opened (its folder may be missing or not writable)",
        _ => "SQLite refused the operation",
    };
}
