namespace PluginHost.Contracts.Documents;

/// <summary>A line of a posted sales invoice, with how much of it was returned since.</summary>
public sealed record SalesInvoiceLine
{
    /// <summary>The invoice.</summary>
    public required string InvoiceNo { get; init; }

    /// <summary>Line number within the invoice.</summary>
    public required int LineNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The worksheet row it came from.</summary>
    public required int Row { get; init; }

    /// <summary>The item sold.</summary>
    public required string ItemNo { get; init; }

    /// <summary>Quantity invoiced (positive).</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Unit price.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>Line amount: quantity times unit price, to the cent.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Quantity credited back by return orders so far; never above <see cref="Quantity"/>.</summary>
    public required decimal ReturnedQuantity { get; init; }

    /// <summary>The item entry (Sale) it posted.</summary>
    public required long ItemEntryNo { get; init; }
}
