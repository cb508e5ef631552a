using System.Diagnostics;
using ExcelDataReader;
using Microsoft.Data.Sqlite;
using PluginHost.Engine.Ledger;

namespace PluginHost.Engine.Benchmarking;

/// <summary>
/// What no posting can beat, measured on the same machine in the same run: reading every cell of a workbook with
/// ExcelDataReader and nothing else, and inserting entries into SQLite with one prepared statement in one transaction.
/// </summary>
public static class Floors
{
    /// <summary>Reads every cell of every sheet of each file, doing nothing with the values; returns the time and the cell count.</summary>
    public static (TimeSpan Time, long Cells) ReadEveryCell(IEnumerable<string> paths)
    {
        var started = Stopwatch.GetTimestamp();
        long cells = 0;
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        if (reader.GetValue(i) is not null)
                            cells++;
                    }
                }
            }
            while (reader.NextResult());
        }
        return (Stopwatch.GetElapsedTime(started), cells);
    }

    /// <summary>
    /// Inserts <paramref name="count"/> entries of twelve columns, shaped like an item entry, into a fresh database file at
    /// <paramref name="path"/> with the ledger store's settings (WAL, synchronous FULL): one prepared statement, one transaction.
    /// </summary>
    public static TimeSpan InsertEntries(string path, int count)
    {
        using var connection = SqliteConnections.Create(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " +
                "CREATE TABLE entry (entry_no INTEGER PRIMARY KEY, batch INTEGER NOT NULL, row INTEGER NOT NULL, posting_date TEXT NOT NULL, " +
                "entry_type TEXT NOT NULL, document_no TEXT NOT NULL, item_no TEXT NOT NULL, prod_order_no TEXT, quantity INTEGER NOT NULL, " +
                "remaining_quantity INTEGER NOT NULL, open INTEGER NOT NULL, applies_to_entry INTEGER)";
            setup.ExecuteNonQuery();
        }
        var started = Stopwatch.GetTimestamp();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO entry VALUES ($no, 1, $row, '2026-11-02', 'Output', $doc, $item, $prod, $qty, $qty, 1, NULL)";
        var no = insert.Parameters.Add("$no", SqliteType.Integer);
        var row = insert.Parameters.Add("$row", SqliteType.Integer);
        var doc = insert.Parameters.Add("$doc", SqliteType.Text);
        var item = insert.Parameters.Add("$item", SqliteType.Text);
        var prod = insert.Parameters.Add("$prod", SqliteType.Text);
        var qty = insert.Parameters.Add("$qty", SqliteType.Integer);
        insert.Prepare();
        for (var i = 1; i <= count; i++)
        {
            no.Value = i;
            row.Value = i + 1;
            doc.Value = $"OUT-{i:D7}";
            item.Value = $"ITEM-{i % 50:D3}";
            prod.Value = $"PO-{i / 10:D6}";
            qty.Value = 1_000_000L + i % 5;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return Stopwatch.GetElapsedTime(started);
    }
}
