namespace PluginHost.Plugins.ReturnCredit;

/// <summary>
/// The rules' <c>invoiceLine</c> input: for a returned order line, the original invoice line it names, with what
/// can still be returned after earlier returns and the rows above in the same workbook.
/// </summary>
public sealed class OriginalInvoiceLine
{
    /// <summary>For sales lines, and returns that name no existing invoice line.</summary>
    public static readonly OriginalInvoiceLine None = new();

    /// <summary>True when the invoice and line exist.</summary>
    public bool Exists { get; init; }

    /// <summary>True when the invoice exists (its line may not).</summary>
    public bool InvoiceExists { get; init; }

    /// <summary>The invoice.</summary>
    public string InvoiceNo { get; init; } = "";

    /// <summary>The line.</summary>
    public int LineNo { get; init; }

    /// <summary>The invoice's customer.</summary>
    public string CustomerNo { get; init; } = "";

    /// <summary>The item invoiced.</summary>
    public string ItemNo { get; init; } = "";

    /// <summary>Quantity invoiced.</summary>
    public decimal Quantity { get; init; }

    /// <summary>Unit price invoiced.</summary>
    public decimal UnitPrice { get; init; }

    /// <summary>The invoice's posting date.</summary>
    public DateOnly PostingDate { get; init; }

    /// <summary>Returned by earlier credit notes, of this return order or others.</summary>
    public decimal ReturnedInLedger { get; init; }

    /// <summary>Returned by the rows above in this workbook.</summary>
    public decimal ReturnedByEarlierLines { get; init; }

    /// <summary>What can still be returned: invoiced less returned before and by the rows above.</summary>
    public decimal Returnable { get; init; }

    /// <summary>The item entry the invoice line posted (a return is applied to it).</summary>
    public long ItemEntryNo { get; init; }
}
