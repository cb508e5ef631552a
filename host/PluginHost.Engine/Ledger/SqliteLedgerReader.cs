using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>The ledgers as a plugin sees them while it looks up facts: inside the batch's transaction.</summary>
internal sealed class SqliteLedgerReader(SqliteConnection connection, SqliteTransaction transaction) : ILedgerReader
{
    public ItemLedgerEntry? FindItemEntry(long entryNo) =>
        connection.Query(transaction, $"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE entry_no = $n", EntryRows.Item, ("$n", entryNo)).FirstOrDefault();

    public CapacityLedgerEntry? FindCapacityEntryOfItemEntry(long itemEntryNo) =>
        connection.Query(transaction, $"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE item_entry_no = $n ORDER BY entry_no LIMIT 1", EntryRows.Capacity, ("$n", itemEntryNo)).FirstOrDefault();

    public decimal ReversedRunTime(long capacityEntryNo) =>
        -Scaled.Quantity(Convert.ToInt64(connection.Scalar(transaction, "SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE reverses_entry_no = $n", ("$n", capacityEntryNo)), System.Globalization.CultureInfo.InvariantCulture));

    public SalesInvoice? FindSalesInvoice(string invoiceNo) =>
        connection.Query(transaction, $"SELECT {DocumentRows.InvoiceColumns} FROM sales_invoice WHERE invoice_no = $n", DocumentRows.Invoice, ("$n", invoiceNo)).FirstOrDefault();

    public SalesInvoiceLine? FindSalesInvoiceLine(string invoiceNo, int lineNo) =>
        connection.Query(transaction, $"SELECT {DocumentRows.InvoiceLineColumns} FROM sales_invoice_line WHERE invoice_no = $n AND line_no = $l", DocumentRows.InvoiceLine, ("$n", invoiceNo), ("$l", lineNo)).FirstOrDefault();

    public CustomerLedgerEntry? FindCustomerEntry(CustomerDocumentType type, string documentNo) =>
        connection.Query(transaction, $"SELECT {EntryRows.CustomerColumns} FROM customer_entry WHERE document_type = $t AND document_no = $n ORDER BY entry_no LIMIT 1", EntryRows.Customer, ("$t", type.ToString()), ("$n", documentNo)).FirstOrDefault();

    public IReadOnlyList<CreditNoteLine> CreditNoteLinesFor(string returnOrderNo, string invoiceNo, int invoiceLineNo) =>
        connection.Query(transaction,
            $"SELECT {string.Join(", ", DocumentRows.CreditNoteLineColumns.Split(", ").Select(c => "l." + c))} FROM credit_note_line l JOIN credit_note n ON n.credit_note_no = l.credit_note_no " +
            "WHERE n.return_order_no = $o AND l.invoice_no = $i AND l.invoice_line_no = $l ORDER BY l.credit_note_no, l.line_no",
            DocumentRows.CreditNoteLine, ("$o", returnOrderNo), ("$i", invoiceNo), ("$l", invoiceLineNo));

    public ProjectInvoice? FindProjectInvoice(string invoiceNo) =>
        connection.Query(transaction, $"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE invoice_no = $n", DocumentRows.ProjectInvoice, ("$n", invoiceNo)).FirstOrDefault();

    public IReadOnlyList<ProjectActual> ProjectActualsOf(string invoiceNo, int lineNo) =>
        connection.Query(transaction, $"SELECT {EntryRows.ProjectColumns} FROM project_actual WHERE invoice_no = $n AND invoice_line_no = $l ORDER BY actual_id", EntryRows.Project, ("$n", invoiceNo), ("$l", lineNo));

    public IReadOnlyList<ProjectInvoice> CorrectionsOf(string invoiceNo) =>
        connection.Query(transaction, $"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE corrects_invoice_no = $n ORDER BY batch, invoice_no", DocumentRows.ProjectInvoice, ("$n", invoiceNo));
}
