namespace PluginHost.Contracts.Ledger;

/// <summary>The ledgers the host keeps.</summary>
public enum LedgerKind
{
    /// <summary>Item ledger: quantities of items in and out.</summary>
    Item,

    /// <summary>Capacity ledger: run time and output per production operation.</summary>
    Capacity,
}
