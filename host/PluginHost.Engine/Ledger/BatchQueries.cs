using Microsoft.Data.Sqlite;

namespace PluginHost.Engine.Ledger;

/// <summary>Reads what one batch (or, with a null batch, every batch) wrote; shared by the store and the batch transaction.</summary>
internal static class BatchQueries
{
    public static BatchEntries Read(SqliteConnection connection, SqliteTransaction? transaction, long? batch)
    {
        // Two shapes rather than "$b IS NULL OR batch = $b", which SQLite cannot answer from the batch indexes.
        var where = batch is null ? "" : "WHERE batch = $b";
        (string, object?)[] parameters = batch is null ? [] : [("$b", batch)];
        return Read(connection, transaction, where, parameters);
    }

    private static BatchEntries Read(SqliteConnection connection, SqliteTransaction? transaction, string where, (string, object?)[] parameters) => new()
    {
        Items = connection.Query(transaction, $"SELECT {EntryRows.ItemColumns} FROM item_entry {where} ORDER BY entry_no", EntryRows.Item, parameters),
        Capacity = connection.Query(transaction, $"SELECT {EntryRows.CapacityColumns} FROM capacity_entry {where} ORDER BY entry_no", EntryRows.Capacity, parameters),
        Customer = connection.Query(transaction, $"SELECT {EntryRows.CustomerColumns} FROM customer_entry {where} ORDER BY entry_no", EntryRows.Customer, parameters),
        Invoices = connection.Query(transaction, $"SELECT {DocumentRows.InvoiceColumns} FROM sales_invoice {where} ORDER BY row, invoice_no", DocumentRows.Invoice, parameters),
        InvoiceLines = connection.Query(transaction, $"SELECT {DocumentRows.InvoiceLineColumns} FROM sales_invoice_line {where} ORDER BY invoice_no, line_no", DocumentRows.InvoiceLine, parameters),
        CreditNotes = connection.Query(transaction, $"SELECT {DocumentRows.CreditNoteColumns} FROM credit_note {where} ORDER BY credit_note_no", DocumentRows.CreditNote, parameters),
        Project = connection.Query(transaction, $"SELECT {EntryRows.ProjectColumns} FROM project_actual {where} ORDER BY actual_id", EntryRows.Project, parameters),
        ProjectInvoices = connection.Query(transaction, $"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice {where} ORDER BY row, invoice_no", DocumentRows.ProjectInvoice, parameters),
        CreditNoteLines = connection.Query(transaction, $"SELECT {DocumentRows.CreditNoteLineColumns} FROM credit_note_line {where} ORDER BY credit_note_no, line_no", DocumentRows.CreditNoteLine, parameters),
    };
}
