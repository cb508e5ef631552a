using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// One statement prepared on the connection's own SQLite handle and bound by position. A batch writes hundreds of
/// thousands of rows; through <see cref="SqliteCommand"/> each row paid for boxed values, a lookup of every parameter
/// by name and a data reader, which cost four times the insert itself (docs/performance.md). It runs inside whatever
/// transaction the connection has open, and is reset after every step so that it never keeps a COMMIT waiting.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    // An empty string bound from an empty span would arrive as a null pointer, which SQLite stores as NULL.
    private static readonly byte[] EmptyText = [0];

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly ulong _allBound;
    private ulong _bound;
    private byte[] _text = new byte[256];

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK)
        {
            _stmt.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        var count = raw.sqlite3_bind_parameter_count(_stmt);
        if (count > 62)
            throw new ArgumentException($"a raw statement takes at most 62 parameters, not {count}: {sql}", nameof(sql));
        // Parameters are numbered from 1; every one must be bound before each step, so none keeps the last row's value.
        _allBound = ((1UL << count) - 1) << 1;
    }

    public RawStatement Bind(int index, long value) => Bound(index, raw.sqlite3_bind_int64(_stmt, index, value));

    public RawStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : Bound(index, raw.sqlite3_bind_null(_stmt, index));

    public RawStatement Bind(int index, string? value)
    {
        if (value is null)
            return Bound(index, raw.sqlite3_bind_null(_stmt, index));
        if (value.Length == 0)
            return Bound(index, raw.sqlite3_bind_text(_stmt, index, utf8z.FromSpan(EmptyText)));
        // Encoded into one reused buffer; SQLite copies the text (SQLITE_TRANSIENT), so nothing is allocated per row.
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > _text.Length)
            _text = new byte[Math.Max(Encoding.UTF8.GetByteCount(value), _text.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _text);
        return Bound(index, raw.sqlite3_bind_text(_stmt, index, _text.AsSpan(0, length)));
    }

    /// <summary>Runs the statement to its end; returns the rows it changed (not counting triggers), as ExecuteNonQuery does.</summary>
    public int Execute()
    {
        Step();
        var changes = raw.sqlite3_changes(_db);
        raw.sqlite3_reset(_stmt);
        return changes;
    }

    /// <summary>The first column of the first row when it is an integer (as ExecuteScalar's "is long"), otherwise null.</summary>
    public long? Scalar()
    {
        try
        {
            return Step() == raw.SQLITE_ROW && raw.sqlite3_column_type(_stmt, 0) == raw.SQLITE_INTEGER ? raw.sqlite3_column_int64(_stmt, 0) : null;
        }
        finally
        {
            // An UPDATE … RETURNING has made all its changes by its first row; resetting ends it as ExecuteScalar does.
            raw.sqlite3_reset(_stmt);
        }
    }

    public void Dispose() => raw.sqlite3_finalize(_stmt);

    private RawStatement Bound(int index, int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _db);
        _bound |= 1UL << index;
        return this;
    }

    private int Step()
    {
        if (_bound != _allBound)
        {
            _bound = 0;
            throw new InvalidOperationException($"a raw statement was run with parameters unbound: {raw.sqlite3_sql(_stmt).utf8_to_string()}");
        }
        _bound = 0;
        var rc = raw.sqlite3_step(_stmt);
        if (rc is raw.SQLITE_ROW or raw.SQLITE_DONE)
            return rc;
        try
        {
            // Microsoft.Data.Sqlite's own mapping, read before the reset: the same SqliteException (codes, and SQLite's
            // message such as a trigger's RAISE text) as the commands threw, so callers' handling of code 19 or a full disk holds.
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
        throw new SqliteException($"SQLite step returned {rc}", rc);
    }
}
