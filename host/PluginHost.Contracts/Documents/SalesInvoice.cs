namespace PluginHost.Contracts.Documents;

/// <summary>A posted sales invoice.</summary>
public sealed record SalesInvoice
{
    /// <summary>Invoice number, unique.</summary>
    public required string InvoiceNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The first worksheet row of its lines.</summary>
    public required int Row { get; init; }

    /// <summary>The sales order it invoices.</summary>
    public required string OrderNo { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerNo { get; init; }

    /// <summary>Posting date.</summary>
    public required DateOnly PostingDate { get; init; }

    /// <summary>Total of its lines.</summary>
    public required decimal Amount { get; init; }
}
