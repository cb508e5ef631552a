namespace PluginHost.Contracts.Documents;

/// <summary>A confirmed project invoice, or a corrective invoice that corrects one.</summary>
public sealed record ProjectInvoice
{
    /// <summary>Invoice number, unique.</summary>
    public required string InvoiceNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The first worksheet row of its lines.</summary>
    public required int Row { get; init; }

    /// <summary>The project.</summary>
    public required string ProjectNo { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerNo { get; init; }

    /// <summary>Confirmed (the only status that is posted).</summary>
    public required string Status { get; init; }

    /// <summary>For a corrective invoice, the invoice it corrects.</summary>
    public string? CorrectsInvoiceNo { get; init; }

    /// <summary>The latest corrective invoice that corrected this one, or null; the host sets it when a corrective invoice is posted.</summary>
    public string? CorrectedBy { get; init; }
}
