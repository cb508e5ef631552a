namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>The rules' <c>invoice</c> input: the line's own invoice as the ledger and the rows above know it.</summary>
public sealed class InvoiceFacts
{
    /// <summary>True when an invoice with this number was posted before.</summary>
    public bool AlreadyPosted { get; init; }

    /// <summary>The batch that posted it, or 0.</summary>
    public long PostedInBatch { get; init; }

    /// <summary>True when a row above has the same invoice and line number.</summary>
    public bool LineUsedAbove { get; init; }

    /// <summary>The first row above of the same invoice, or 0.</summary>
    public int FirstRow { get; init; }

    /// <summary>Project of that row.</summary>
    public string ProjectNoAbove { get; init; } = "";

    /// <summary>Customer of that row.</summary>
    public string CustomerNoAbove { get; init; } = "";

    /// <summary>Corrects Invoice No. of that row.</summary>
    public string CorrectsInvoiceNoAbove { get; init; } = "";
}
