using PluginHost.Contracts.Documents;

namespace PluginHost.Contracts.Ledger;

/// <summary>
/// Read access to the host's ledgers, lent to a plugin while it looks up facts. It sees the database
/// inside the batch's write transaction, so what it reads cannot change before the batch is written.
/// </summary>
public interface ILedgerReader
{
    /// <summary>The item entry with this number, or null.</summary>
    ItemLedgerEntry? FindItemEntry(long entryNo);

    /// <summary>The capacity entry posted together with an item entry (its <c>ItemEntryNo</c>), or null.</summary>
    CapacityLedgerEntry? FindCapacityEntryOfItemEntry(long itemEntryNo);

    /// <summary>The run time already reversed from a capacity entry: the sum, made positive, of the entries reversing it.</summary>
    decimal ReversedRunTime(long capacityEntryNo);

    /// <summary>
    /// The run time posted on an operation of a production order: the sum of its capacity entries, reversals and
    /// run-time-only corrections included (0 when none).
    /// </summary>
    decimal PostedRunTime(string prodOrderNo, string operationNo);

    /// <summary>A posted sales invoice, or null.</summary>
    SalesInvoice? FindSalesInvoice(string invoiceNo);

    /// <summary>A line of a posted sales invoice, or null.</summary>
    SalesInvoiceLine? FindSalesInvoiceLine(string invoiceNo, int lineNo);

    /// <summary>The customer entry of a document (an invoice or a credit memo), or null.</summary>
    CustomerLedgerEntry? FindCustomerEntry(CustomerDocumentType type, string documentNo);

    /// <summary>Credit note lines already posted for a return order against an invoice line (a return is credited once).</summary>
    IReadOnlyList<CreditNoteLine> CreditNoteLinesFor(string returnOrderNo, string invoiceNo, int invoiceLineNo);

    /// <summary>A project invoice, or null.</summary>
    ProjectInvoice? FindProjectInvoice(string invoiceNo);

    /// <summary>The project actuals posted on a line of a project invoice, oldest first.</summary>
    IReadOnlyList<ProjectActual> ProjectActualsOf(string invoiceNo, int lineNo);

    /// <summary>The corrective invoices that correct an invoice, oldest first.</summary>
    IReadOnlyList<ProjectInvoice> CorrectionsOf(string invoiceNo);
}
