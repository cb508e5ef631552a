using PluginHost.Contracts.Journal;

namespace PluginHost.Engine.Workbooks;

/// <summary>Column access on a schema.</summary>
public static class JournalSchemaExtensions
{
    /// <summary>The columns of the schema's line type.</summary>
    public static IReadOnlyList<JournalColumn> Columns(this JournalSchema schema) => JournalColumns.Of(schema.LineType);
}
