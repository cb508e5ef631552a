using Microsoft.Data.Sqlite;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// The prepared statements of one batch transaction, kept by SQL text: the first call with a given SQL creates its
/// command, later calls only set the parameter values, so SQLite parses each statement once per batch rather than once
/// per row (docs/performance.md). Every call with the same SQL must pass the same parameter names in the same order,
/// which a literal SQL text at each call site guarantees.
/// </summary>
internal sealed class Statements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public int Execute(string sql, params (string Name, object? Value)[] parameters) => Prepared(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        var value = Prepared(sql, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var reader = Prepared(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    /// <summary>The first row mapped, or the default when there is none; reads no further.</summary>
    public T? First<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var reader = Prepared(sql, parameters).ExecuteReader();
        return reader.Read() ? map(reader) : default;
    }

    private SqliteCommand Prepared(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, _) in parameters)
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            _commands.Add(sql, command);
        }
        var bound = command.Parameters;
        if (bound.Count != parameters.Length)
            throw new InvalidOperationException($"the statement was prepared with {bound.Count} parameters and is now given {parameters.Length}: {sql}");
        for (var i = 0; i < parameters.Length; i++)
            bound[i].Value = parameters[i].Value ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
            command.Dispose();
        _commands.Clear();
    }
}
