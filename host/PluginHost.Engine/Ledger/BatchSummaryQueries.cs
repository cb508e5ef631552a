using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// Reads a <see cref="BatchSummary"/>: counts and sums are SQL aggregates over the batch indexes (stored figures are scaled
/// integers, so the sums are exact), rows are read only up to the report's limit.
/// </summary>
internal static class BatchSummaryQueries
{
    /// <param name="connection">The store's connection.</param>
    /// <param name="transaction">The batch's transaction, or null for a committed batch.</param>
    /// <param name="batch">The batch.</param>
    /// <param name="limit">Rows read per table, and document totals.</param>
    /// <param name="kept">The first document totals and the counts and sums, kept while the batch was written; null to sum them with SQL.</param>
    public static BatchSummary Read(SqliteConnection connection, SqliteTransaction? transaction, long batch, int limit, (DocumentTotals Documents, BatchTally Tally)? kept = null)
    {
        var documents = kept?.Documents;
        List<T> Rows<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] more) =>
            connection.Query(transaction, sql, map, [("$b", batch), ("$limit", limit), .. more]);

        var invoices = Rows($"SELECT {DocumentRows.InvoiceColumns} FROM sales_invoice WHERE batch = $b ORDER BY row, invoice_no LIMIT $limit", DocumentRows.Invoice);
        var notes = Rows($"SELECT {DocumentRows.CreditNoteColumns} FROM credit_note WHERE batch = $b ORDER BY credit_note_no LIMIT $limit", DocumentRows.CreditNote);
        var shown = new BatchEntries
        {
            Items = Rows($"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE batch = $b ORDER BY entry_no LIMIT $limit", EntryRows.Item),
            Capacity = Rows($"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE batch = $b ORDER BY entry_no LIMIT $limit", EntryRows.Capacity),
            Customer = Rows($"SELECT {EntryRows.CustomerColumns} FROM customer_entry WHERE batch = $b ORDER BY entry_no LIMIT $limit", EntryRows.Customer),
            Project = Rows($"SELECT {EntryRows.ProjectColumns} FROM project_actual WHERE batch = $b ORDER BY actual_id LIMIT $limit", EntryRows.Project),
            ProjectInvoices = Rows($"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE batch = $b ORDER BY row, invoice_no LIMIT $limit", DocumentRows.ProjectInvoice),
            Invoices = invoices,
            InvoiceLines = Rows($"SELECT {DocumentRows.InvoiceLineColumns} FROM sales_invoice_line WHERE batch = $b AND invoice_no IN (SELECT value FROM json_each($keys)) ORDER BY invoice_no, line_no",
                DocumentRows.InvoiceLine, ("$keys", Json(invoices.Select(i => i.InvoiceNo)))),
            CreditNotes = notes,
            CreditNoteLines = Rows($"SELECT {DocumentRows.CreditNoteLineColumns} FROM credit_note_line WHERE batch = $b AND credit_note_no IN (SELECT value FROM json_each($keys)) ORDER BY credit_note_no, line_no",
                DocumentRows.CreditNoteLine, ("$keys", Json(notes.Select(n => n.CreditNoteNo)))),
        };

        var reversals = Rows($"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE batch = $b AND entry_type = 'Output' AND applies_to_entry IS NOT NULL ORDER BY entry_no LIMIT $limit", EntryRows.Item);
        // The first corrected invoice lines in the order their first actual was posted, and every correction actual of them.
        var corrected = Rows("SELECT invoice_no, invoice_line_no FROM project_actual WHERE batch = $b AND correction = 1 GROUP BY invoice_no, invoice_line_no ORDER BY min(actual_id) LIMIT $limit",
            r => (Invoice: r.GetString(0), Line: r.GetInt32(1))).ToHashSet();
        var correctedInvoices = Json(corrected.Select(c => c.Invoice).Distinct(StringComparer.Ordinal));
        var corrections = new CorrectionEntries
        {
            Reversals = reversals,
            ReversalRuns = Rows($"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE batch = $b AND item_entry_no IN (SELECT value FROM json_each($keys)) ORDER BY entry_no",
                EntryRows.Capacity, ("$keys", Json(reversals.Select(r => r.EntryNo)))),
            CreditNoteLines = Rows($"SELECT {DocumentRows.CreditNoteLineColumns} FROM credit_note_line WHERE batch = $b ORDER BY credit_note_no, line_no LIMIT $limit", DocumentRows.CreditNoteLine),
            ProjectCorrections = Rows($"SELECT {EntryRows.ProjectColumns} FROM project_actual WHERE batch = $b AND correction = 1 AND invoice_no IN (SELECT value FROM json_each($keys)) ORDER BY actual_id",
                EntryRows.Project, ("$keys", correctedInvoices)).Where(a => corrected.Contains((a.InvoiceNo, a.InvoiceLineNo))).ToList(),
            CorrectiveInvoices = Rows($"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE batch = $b AND invoice_no IN (SELECT value FROM json_each($keys)) ORDER BY row, invoice_no",
                DocumentRows.ProjectInvoice, ("$keys", correctedInvoices)),
        };

        // The first document totals, kept while the batch was written or else grouped here; how many there are in all is
        // counted apart when they are more: a window count over the grouping would keep every group to count it, which cost
        // as much again as the grouping (docs/performance.md).
        var firstDocuments = documents?.First() ?? Rows($"SELECT * FROM ({DocumentSumsSql}) ORDER BY 1, 2 LIMIT $limit",
            r => new DocumentSums(r.GetString(0), r.GetInt32(1), r.GetInt32(2), Sums(r, 3)));
        var complete = documents?.Complete ?? firstDocuments.Count < limit;
        return new BatchSummary
        {
            Shown = shown,
            Counts = kept?.Tally.Counts ?? Counts(connection, transaction, batch),
            Sums = kept?.Tally.Sums ?? Rows(SumsSql, r => Sums(r, 0))[0],
            Documents = firstDocuments,
            DocumentCount = complete ? firstDocuments.Count : Rows(DocumentCountSql, r => r.GetInt32(0))[0],
            Corrections = corrections,
        };
    }

    /// <summary>Rows per table of one batch, counted with SQL (through the batch indexes).</summary>
    public static BatchCounts Counts(SqliteConnection connection, SqliteTransaction? transaction, long batch) =>
        connection.Query(transaction, CountsSql, r => new BatchCounts(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6)), ("$b", batch))[0];

    private static string Json<T>(IEnumerable<T> keys) => JsonSerializer.Serialize(keys.ToList());

    private static LedgerSums Sums(SqliteDataReader r, int first) => new(
        Scaled.Quantity(r.GetInt64(first)), Scaled.Quantity(r.GetInt64(first + 1)), Scaled.Quantity(r.GetInt64(first + 2)),
        Scaled.Amount(r.GetInt64(first + 3)), Scaled.Amount(r.GetInt64(first + 4)), Scaled.Amount(r.GetInt64(first + 5)));

    private const string CountsSql =
        "SELECT (SELECT count(*) FROM item_entry WHERE batch = $b), (SELECT count(*) FROM capacity_entry WHERE batch = $b), " +
        "(SELECT count(*) FROM customer_entry WHERE batch = $b), (SELECT count(*) FROM project_actual WHERE batch = $b), " +
        "(SELECT count(*) FROM sales_invoice WHERE batch = $b), (SELECT count(*) FROM credit_note WHERE batch = $b), " +
        "(SELECT count(*) FROM project_invoice WHERE batch = $b)";

    private const string SumsSql =
        "SELECT (SELECT coalesce(sum(quantity), 0) FROM item_entry WHERE batch = $b), " +
        "(SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE batch = $b), " +
        "(SELECT coalesce(sum(output_quantity), 0) FROM capacity_entry WHERE batch = $b), " +
        "(SELECT coalesce(sum(amount), 0) FROM customer_entry WHERE batch = $b), " +
        "(SELECT coalesce(sum(amount), 0) FROM project_actual WHERE batch = $b AND actual_type = 'BilledSales'), " +
        "(SELECT coalesce(sum(amount), 0) FROM project_actual WHERE batch = $b AND actual_type = 'UnbilledSales')";

    // As many as DocumentSumsSql has rows: the documents of each ledger.
    private const string DocumentCountSql =
        "SELECT (SELECT count(DISTINCT document_no) FROM item_entry WHERE batch = $b) + (SELECT count(DISTINCT document_no) FROM capacity_entry WHERE batch = $b) " +
        "+ (SELECT count(DISTINCT document_no) FROM customer_entry WHERE batch = $b) + (SELECT count(DISTINCT invoice_no) FROM project_actual WHERE batch = $b)";

    // One row per document and ledger, with the sums of that ledger in the columns LedgerSums reads (0 elsewhere).
    private const string DocumentSumsSql =
        "SELECT document_no, 0, count(*), sum(quantity), 0, 0, 0, 0, 0 FROM item_entry WHERE batch = $b GROUP BY document_no " +
        "UNION ALL SELECT document_no, 1, count(*), 0, sum(run_time), sum(output_quantity), 0, 0, 0 FROM capacity_entry WHERE batch = $b GROUP BY document_no " +
        "UNION ALL SELECT document_no, 2, count(*), 0, 0, 0, sum(amount), 0, 0 FROM customer_entry WHERE batch = $b GROUP BY document_no " +
        "UNION ALL SELECT invoice_no, 3, count(*), 0, 0, 0, 0, sum(CASE WHEN actual_type = 'BilledSales' THEN amount ELSE 0 END), " +
        "sum(CASE WHEN actual_type = 'UnbilledSales' THEN amount ELSE 0 END) FROM project_actual WHERE batch = $b GROUP BY invoice_no";
}
