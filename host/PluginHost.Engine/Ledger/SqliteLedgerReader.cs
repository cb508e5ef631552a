using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>The ledgers as a plugin sees them while it looks up facts: inside the batch's transaction.</summary>
internal sealed class SqliteLedgerReader(Statements sql) : ILedgerReader
{
    public ItemLedgerEntry? FindItemEntry(long entryNo) =>
        sql.First($"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE entry_no = $n", EntryRows.Item, ("$n", entryNo));

    public CapacityLedgerEntry? FindCapacityEntryOfItemEntry(long itemEntryNo) =>
        sql.First($"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE item_entry_no = $n ORDER BY entry_no LIMIT 1", EntryRows.Capacity, ("$n", itemEntryNo));

    public decimal ReversedRunTime(long capacityEntryNo) =>
        -Scaled.Quantity(Convert.ToInt64(sql.Scalar("SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE reverses_entry_no = $n", ("$n", capacityEntryNo)), System.Globalization.CultureInfo.InvariantCulture));

    public SalesInvoice? FindSalesInvoice(string invoiceNo) =>
        sql.First($"SELECT {DocumentRows.InvoiceColumns} FROM sales_invoice WHERE invoice_no = $n", DocumentRows.Invoice, ("$n", invoiceNo));

    public SalesInvoiceLine? FindSalesInvoiceLine(string invoiceNo, int lineNo) =>
        sql.First($"SELECT {DocumentRows.InvoiceLineColumns} FROM sales_invoice_line WHERE invoice_no = $n AND line_no = $l", DocumentRows.InvoiceLine, ("$n", invoiceNo), ("$l", lineNo));

    public CustomerLedgerEntry? FindCustomerEntry(CustomerDocumentType type, string documentNo) =>
        sql.First($"SELECT {EntryRows.CustomerColumns} FROM customer_entry WHERE document_type = $t AND document_no = $n ORDER BY entry_no LIMIT 1", EntryRows.Customer, ("$t", type.ToString()), ("$n", documentNo));

    public IReadOnlyList<CreditNoteLine> CreditNoteLinesFor(string returnOrderNo, string invoiceNo, int invoiceLineNo) =>
        sql.Query(
            $"SELECT {string.Join(", ", DocumentRows.CreditNoteLineColumns.Split(", ").Select(c => "l." + c))} FROM credit_note_line l JOIN credit_note n ON n.credit_note_no = l.credit_note_no " +
            "WHERE n.return_order_no = $o AND l.invoice_no = $i AND l.invoice_line_no = $l ORDER BY l.credit_note_no, l.line_no",
            DocumentRows.CreditNoteLine, ("$o", returnOrderNo), ("$i", invoiceNo), ("$l", invoiceLineNo));

    public ProjectInvoice? FindProjectInvoice(string invoiceNo) =>
        sql.First($"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE invoice_no = $n", DocumentRows.ProjectInvoice, ("$n", invoiceNo));

    public IReadOnlyList<ProjectActual> ProjectActualsOf(string invoiceNo, int lineNo) =>
        sql.Query( $"SELECT {EntryRows.ProjectColumns} FROM project_actual WHERE invoice_no = $n AND invoice_line_no = $l ORDER BY actual_id", EntryRows.Project, ("$n", invoiceNo), ("$l", lineNo));

    public IReadOnlyList<ProjectInvoice> CorrectionsOf(string invoiceNo) =>
        sql.Query( $"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE corrects_invoice_no = $n ORDER BY batch, invoice_no", DocumentRows.ProjectInvoice, ("$n", invoiceNo));
}
