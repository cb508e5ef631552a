namespace PluginHost.Contracts.Ledger;

/// <summary>The ledgers the host keeps.</summary>
public enum LedgerKind
{
    /// <summary>Item ledger: quantities of items in and out.</summary>
    Item,

    /// <summary>Capacity ledger: run time and output per production operation.</summary>
    Capacity,

    /// <summary>Customer ledger: invoices and credit memos per customer, with what remains open.</summary>
    Customer,

    /// <summary>Project actuals: billed and unbilled sales per project invoice line.</summary>
    Project,
}
