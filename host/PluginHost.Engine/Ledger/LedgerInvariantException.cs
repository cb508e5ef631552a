namespace PluginHost.Engine.Ledger;

/// <summary>A plugin asked for something a ledger invariant forbids; the batch is not written.</summary>
public sealed class LedgerInvariantException(string message) : Exception(message);
