using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// The ledgers as they stood when a batch began, read on a connection of their own while the batch's transaction
/// writes: a batch posted in chunks checks its later lines against the same ledger as its first ones, not against
/// what its own earlier chunks wrote (docs/pipeline.md). WAL lets this read transaction keep its snapshot while the
/// batch writes; the batch holds the write lock, so no other batch commits in between.
/// </summary>
public sealed class LedgerSnapshot : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Statements _sql;

    internal LedgerSnapshot(string path)
    {
        _connection = SqliteConnections.Create(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString());
        try
        {
            _connection.Open();
            _transaction = _connection.BeginTransaction(deferred: true);
            _sql = new Statements(_connection, _transaction);
            // A read transaction takes its snapshot at its first read: take it now, before the batch writes anything.
            _sql.Scalar("SELECT count(*) FROM schema_version");
            Reader = new SqliteLedgerReader(_sql);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Look-ups in the ledgers as they stood before the batch.</summary>
    public ILedgerReader Reader { get; }

    /// <inheritdoc />
    /// <remarks>May be called twice: the pipeline ends the read transaction as soon as every line is checked.</remarks>
    public void Dispose()
    {
        _sql.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
