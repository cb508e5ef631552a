namespace PluginHost.Plugins.ReturnCredit;

/// <summary>
/// The rules' <c>order</c> input: what the rows above in the workbook and the ledger say about the line's order and
/// invoice, so one invoice or credit note is not split across customers, dates or batches.
/// </summary>
public sealed class OrderFacts
{
    /// <summary>True when the invoice a sales line names was posted before.</summary>
    public bool InvoiceAlreadyPosted { get; init; }

    /// <summary>The batch that posted it, or 0.</summary>
    public long InvoicePostedInBatch { get; init; }

    /// <summary>True when a row above posts the same invoice line number on the same invoice.</summary>
    public bool InvoiceLineUsedAbove { get; init; }

    /// <summary>The row above that first used this order (or invoice), or 0.</summary>
    public int FirstRow { get; init; }

    /// <summary>The customer of the rows above on the same order (or invoice), or empty.</summary>
    public string CustomerNoAbove { get; init; } = "";

    /// <summary>The posting date of the rows above on the same order (or invoice), if any.</summary>
    public DateOnly? PostingDateAbove { get; init; }

    /// <summary>The RMA number of the rows above on the same return order, or empty.</summary>
    public string RmaNoAbove { get; init; } = "";
}
