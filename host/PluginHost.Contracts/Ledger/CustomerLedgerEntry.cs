namespace PluginHost.Contracts.Ledger;

/// <summary>An entry of the customer ledger. Amounts are exact decimals with at most 2 decimals.</summary>
public sealed record CustomerLedgerEntry
{
    /// <summary>Entry number, unique in the customer ledger.</summary>
    public required long EntryNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The worksheet row it came from (the first row of its document).</summary>
    public required int Row { get; init; }

    /// <summary>Posting date.</summary>
    public required DateOnly PostingDate { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerNo { get; init; }

    /// <summary>Invoice or CreditMemo.</summary>
    public required CustomerDocumentType DocumentType { get; init; }

    /// <summary>The invoice or credit memo number.</summary>
    public required string DocumentNo { get; init; }

    /// <summary>Signed amount: positive for an invoice, negative for a credit memo.</summary>
    public required decimal Amount { get; init; }

    /// <summary>What is still open: for an invoice, its amount less the credits applied to it; for an applied credit memo, 0.</summary>
    public required decimal RemainingAmount { get; init; }

    /// <summary>For a credit memo, the invoice it is applied to.</summary>
    public string? AppliesToDocumentNo { get; init; }

    /// <summary>For a credit memo, the return's RMA number.</summary>
    public string? RmaNo { get; init; }

    /// <summary>For a credit memo, the return reason.</summary>
    public string? ReasonCode { get; init; }
}
