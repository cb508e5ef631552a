namespace PluginHost.Contracts.Ledger;

/// <summary>The document behind a customer ledger entry.</summary>
public enum CustomerDocumentType
{
    /// <summary>A posted sales invoice (positive amount).</summary>
    Invoice,

    /// <summary>A credit memo, e.g. for a return order (negative amount).</summary>
    CreditMemo,
}
