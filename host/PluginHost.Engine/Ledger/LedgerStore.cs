using System.Globalization;
using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// The host's ledgers in one SQLite file (docs/ledger-store.md). Opening creates and migrates the schema and
/// switches to WAL; every batch is written in one transaction begun with <see cref="BeginBatch"/>.
/// </summary>
public sealed class LedgerStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private bool _wal;

    private LedgerStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version after opening.</summary>
    public int SchemaVersion => Convert.ToInt32(_connection.Scalar(null, "SELECT coalesce(max(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);

    /// <summary>Opens (creating if needed) the database and brings its schema up to date.</summary>
    /// <exception cref="DirectoryNotFoundException">The file's folder does not exist.</exception>
    public static LedgerStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"the database folder {folder} does not exist");
        var connection = SqliteConnections.Create(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 }.ToString());
        try
        {
            connection.Open();
            // WAL unless the file system cannot share memory between processes, in which SQLite keeps its rollback journal.
            var mode = connection.Scalar(null, "PRAGMA journal_mode = WAL") as string;
            // A 32 MiB page cache (SQLite's default is 2 MiB): a batch's writes stay in it until commit instead of spilling to
            // the WAL mid-transaction. Measured with the capacity ledger's fifth index (per operation, migration 8): 100,000
            // output lines posted in 3.2-3.6 s with the default, 1.7-2.0 s with this (docs/performance.md, sixth round).
            connection.Execute(null, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;");
            var store = new LedgerStore(full, connection) { _wal = string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) };
            store.Migrate();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The database as posting opens it (migrated, WAL); one PluginHost may not write (a read-only file or folder, an
    /// archived copy) is read as it is (<see cref="OpenReadOnly"/>), so that it can still be listed and checked.
    /// </summary>
    public static LedgerStore OpenForReading(string path)
    {
        try
        {
            return Open(path);
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) is 8 or 14)
        {
            return OpenReadOnly(path);
        }
    }

    /// <summary>
    /// Opens a database for reading only, changing nothing (no WAL switch, no migration): for looking at a ledger
    /// PluginHost may not write, such as an archived copy or one an auditor can only read. The file is opened immutable,
    /// so it must not be written by anyone while it is open; its schema must be the current one.
    /// </summary>
    /// <exception cref="LedgerSchemaException">The schema is older or newer than this program's.</exception>
    public static LedgerStore OpenReadOnly(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        // Immutable needs no -shm file (which a read-only folder could not hold), but it reads no WAL: a file with
        // committed pages still in its WAL is opened plainly read-only instead.
        var wal = new FileInfo(full + "-wal");
        var uri = new Uri(full).AbsoluteUri + (wal.Exists && wal.Length > 0 ? "" : "?immutable=1");
        var connection = SqliteConnections.Create(new SqliteConnectionStringBuilder { DataSource = uri, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            var store = new LedgerStore(full, connection);
            if (store.SchemaVersion != LedgerSchema.Migrations.Count)
                throw new LedgerSchemaException($"the database {full} has schema version {store.SchemaVersion} and this program reads version {LedgerSchema.Migrations.Count}; open it once where PluginHost may write it");
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// An empty ledger in memory, with the current schema: what a dry run checks against when there is no database yet,
    /// so that validating writes no file.
    /// </summary>
    public static LedgerStore InMemory()
    {
        var connection = SqliteConnections.Create("Data Source=:memory:");
        connection.Open();
        connection.Execute(null, "PRAGMA foreign_keys = ON;");
        var store = new LedgerStore(":memory:", connection);
        store.Migrate();
        return store;
    }

    private void Migrate()
    {
        using var transaction = _connection.BeginTransaction();
        _connection.Execute(transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        var current = Convert.ToInt32(_connection.Scalar(transaction, "SELECT coalesce(max(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
        if (current > LedgerSchema.Migrations.Count)
            throw new LedgerSchemaException($"the database {Path} has schema version {current}, newer than this program knows ({LedgerSchema.Migrations.Count}); use a newer PluginHost");
        for (var version = current + 1; version <= LedgerSchema.Migrations.Count; version++)
        {
            _connection.Execute(transaction, LedgerSchema.Migrations[version - 1]);
            _connection.Execute(transaction, "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)",
                ("$v", version), ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        }
        transaction.Commit();
    }

    /// <summary>
    /// Begins the write transaction of one batch (BEGIN IMMEDIATE): facts are read and entries written under the
    /// same lock, so a concurrent batch cannot change what this one was checked against.
    /// </summary>
    public LedgerTransaction BeginBatch() => new(this, _connection, _connection.BeginTransaction(deferred: false));

    /// <summary>
    /// A reader of the ledgers as they stand now that keeps seeing them so while a batch begun before it writes, or null
    /// for a ledger in memory, which no second connection can read, and for one not in WAL mode (a file system that
    /// cannot share memory between processes), where a reader would stop the batch from writing.
    /// </summary>
    public LedgerSnapshot? OpenSnapshot() => _wal ? new LedgerSnapshot(Path) : null;

    /// <summary>Every batch, oldest first.</summary>
    public IReadOnlyList<BatchRecord> Batches() => Batches(null, "");

    /// <summary>One batch, or null.</summary>
    public BatchRecord? Batch(long id) => Batches(null, "WHERE id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>The messages recorded with a batch.</summary>
    public IReadOnlyList<StoredMessage> Messages(long batch) =>
        _connection.Query(null, "SELECT severity, code, sheet, row, column_name, cell, rule, message FROM batch_message WHERE batch = $b ORDER BY seq",
            r => new StoredMessage(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7)),
            ("$b", batch));

    /// <summary>Runs the given invariant queries and SQLite's own checks (see <see cref="LedgerCheck"/>).</summary>
    internal IReadOnlyList<string> Check(IReadOnlyList<(string Name, string Sql)> invariants) => LedgerCheck.Run(_connection, invariants);

    /// <summary>The report model kept with a batch when it was posted or refused (JSON), or null for a batch without one.</summary>
    public string? ReportModel(long batch) => _connection.Scalar(null, "SELECT model FROM batch_report WHERE batch = $b", ("$b", batch)) as string;

    /// <summary>Everything a batch wrote (or, with null, everything), as stored now.</summary>
    public BatchEntries Entries(long? batch = null) => BatchQueries.Read(_connection, null, batch);

    /// <summary>Rows per table of one batch, counted without reading them.</summary>
    public BatchCounts Counts(long batch) => BatchSummaryQueries.Counts(_connection, null, batch);

    /// <summary>What a batch wrote, summed and read up to <paramref name="limit"/> rows per table (for its report).</summary>
    public BatchSummary Summary(long batch, int limit) => BatchSummaryQueries.Read(_connection, null, batch, limit);

    /// <summary>Item entries, of one batch or all, by entry number.</summary>
    public IReadOnlyList<ItemLedgerEntry> ItemEntries(long? batch = null) => Entries(batch).Items;

    /// <summary>Capacity entries, of one batch or all, by entry number.</summary>
    public IReadOnlyList<CapacityLedgerEntry> CapacityEntries(long? batch = null) => Entries(batch).Capacity;

    /// <summary>Project actuals, of one batch or all, by actual number.</summary>
    public IReadOnlyList<ProjectActual> ProjectActuals(long? batch = null) => Entries(batch).Project;

    /// <summary>Customer entries, of one batch or all, by entry number.</summary>
    public IReadOnlyList<CustomerLedgerEntry> CustomerEntries(long? batch = null) => Entries(batch).Customer;

    internal IReadOnlyList<BatchRecord> Batches(SqliteTransaction? transaction, string where, params (string, object?)[] parameters) =>
        _connection.Query(transaction, $"SELECT id, plugin, file_name, file_sha256, sheet, user_name, created_at, line_count, status, workflow, rules_sha256 FROM batch {where} ORDER BY id",
            r => new BatchRecord
            {
                Id = r.GetInt64(0), Plugin = r.GetString(1), FileName = r.GetString(2), FileSha256 = r.GetString(3), Sheet = r.GetString(4),
                User = r.GetString(5), CreatedAt = DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture), LineCount = r.GetInt32(7),
                Status = r.GetString(8), Workflow = r.GetString(9), RulesSha256 = r.GetString(10),
            }, parameters);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
