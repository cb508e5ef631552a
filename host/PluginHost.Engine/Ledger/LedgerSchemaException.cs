namespace PluginHost.Engine.Ledger;

/// <summary>The database's schema is not one this program can use as it stands (newer, or older and not writable).</summary>
public sealed class LedgerSchemaException(string message) : InvalidOperationException(message);
