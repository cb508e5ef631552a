using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// The ledgers as a plugin sees them while it looks up facts: inside the batch's transaction. The batch look-ups send
/// their keys as one JSON array per few thousand keys (<c>json_each</c>), so each is one prepared statement whatever the count.
/// </summary>
internal sealed class SqliteLedgerReader(Statements sql) : ILedgerReader, ILedgerBatchReader
{
    private const int KeysPerQuery = 5000;

    public IReadOnlyDictionary<long, ItemLedgerEntry> FindItemEntries(IReadOnlyCollection<long> entryNos)
    {
        var found = new Dictionary<long, ItemLedgerEntry>();
        foreach (var keys in JsonChunks(entryNos))
        {
            foreach (var entry in sql.Query($"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE entry_no IN (SELECT value FROM json_each($keys))", EntryRows.Item, ("$keys", keys)))
                found[entry.EntryNo] = entry;
        }
        return found;
    }

    public IReadOnlyDictionary<long, CapacityLedgerEntry> FindCapacityEntriesOfItemEntries(IReadOnlyCollection<long> itemEntryNos)
    {
        var found = new Dictionary<long, CapacityLedgerEntry>();
        foreach (var keys in JsonChunks(itemEntryNos))
        {
            // The first by entry number, as the single look-up answers.
            foreach (var entry in sql.Query($"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE item_entry_no IN (SELECT value FROM json_each($keys)) ORDER BY entry_no", EntryRows.Capacity, ("$keys", keys)))
                found.TryAdd(entry.ItemEntryNo, entry);
        }
        return found;
    }

    public IReadOnlyDictionary<long, decimal> ReversedRunTimes(IReadOnlyCollection<long> capacityEntryNos)
    {
        var found = new Dictionary<long, decimal>();
        foreach (var keys in JsonChunks(capacityEntryNos))
        {
            foreach (var (entryNo, runTime) in sql.Query("SELECT reverses_entry_no, sum(run_time) FROM capacity_entry WHERE reverses_entry_no IN (SELECT value FROM json_each($keys)) GROUP BY reverses_entry_no",
                         r => (r.GetInt64(0), r.GetInt64(1)), ("$keys", keys)))
                found[entryNo] = -Scaled.Quantity(runTime);
        }
        return found;
    }

    private static IEnumerable<string> JsonChunks(IReadOnlyCollection<long> keys) =>
        keys.Distinct().Chunk(KeysPerQuery).Select(chunk => "[" + string.Join(',', chunk.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]");

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
