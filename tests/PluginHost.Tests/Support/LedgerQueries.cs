using Microsoft.Data.Sqlite;
using PluginHost.Engine.Ledger;

namespace PluginHost.Tests.Support;

/// <summary>Direct SQL against a test's database: for arranging what no plugin posts yet, and for counting.</summary>
public static class LedgerQueries
{
    public static long Count(string database, string table)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public static void Execute(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static List<object?[]> Rows(string database, string sql)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = SqliteConnections.Create($"Data Source={database};Pooling=False");
        connection.Open();
        return connection;
    }
}
