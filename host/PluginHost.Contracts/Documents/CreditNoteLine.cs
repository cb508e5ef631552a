namespace PluginHost.Contracts.Documents;

/// <summary>A line of a credit note: a returned quantity credited against a line of the original invoice.</summary>
public sealed record CreditNoteLine
{
    /// <summary>The credit note.</summary>
    public required string CreditNoteNo { get; init; }

    /// <summary>Line number within the credit note.</summary>
    public required int LineNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The worksheet row it came from.</summary>
    public required int Row { get; init; }

    /// <summary>The original invoice.</summary>
    public required string InvoiceNo { get; init; }

    /// <summary>The original invoice line.</summary>
    public required int InvoiceLineNo { get; init; }

    /// <summary>The item returned.</summary>
    public required string ItemNo { get; init; }

    /// <summary>Quantity credited: negative.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Unit price credited.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>Line amount: negative, to the cent.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Return reason.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The item entry (Sale, positive) it posted.</summary>
    public required long ItemEntryNo { get; init; }
}
