using Microsoft.Data.Sqlite;

namespace PluginHost.Engine.Ledger;

/// <summary>Reads what one batch (or, with a null batch, every batch) wrote; shared by the store and the batch transaction.</summary>
internal static class BatchQueries
{
    public static BatchEntries Read(SqliteConnection connection, SqliteTransaction? transaction, long? batch) => new()
    {
        Items = connection.Query(transaction, $"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE $b IS NULL OR batch = $b ORDER BY entry_no", EntryRows.Item, ("$b", batch)),
        Capacity = connection.Query(transaction, $"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE $b IS NULL OR batch = $b ORDER BY entry_no", EntryRows.Capacity, ("$b", batch)),
        Customer = connection.Query(transaction, $"SELECT {EntryRows.CustomerColumns} FROM customer_entry WHERE $b IS NULL OR batch = $b ORDER BY entry_no", EntryRows.Customer, ("$b", batch)),
        Invoices = connection.Query(transaction, $"SELECT {DocumentRows.InvoiceColumns} FROM sales_invoice WHERE $b IS NULL OR batch = $b ORDER BY row, invoice_no", DocumentRows.Invoice, ("$b", batch)),
        InvoiceLines = connection.Query(transaction, $"SELECT {DocumentRows.InvoiceLineColumns} FROM sales_invoice_line WHERE $b IS NULL OR batch = $b ORDER BY invoice_no, line_no", DocumentRows.InvoiceLine, ("$b", batch)),
        CreditNotes = connection.Query(transaction, $"SELECT {DocumentRows.CreditNoteColumns} FROM credit_note WHERE $b IS NULL OR batch = $b ORDER BY credit_note_no", DocumentRows.CreditNote, ("$b", batch)),
        Project = connection.Query(transaction, $"SELECT {EntryRows.ProjectColumns} FROM project_actual WHERE $b IS NULL OR batch = $b ORDER BY actual_id", EntryRows.Project, ("$b", batch)),
        ProjectInvoices = connection.Query(transaction, $"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE $b IS NULL OR batch = $b ORDER BY row, invoice_no", DocumentRows.ProjectInvoice, ("$b", batch)),
        CreditNoteLines = connection.Query(transaction, $"SELECT {DocumentRows.CreditNoteLineColumns} FROM credit_note_line WHERE $b IS NULL OR batch = $b ORDER BY credit_note_no, line_no", DocumentRows.CreditNoteLine, ("$b", batch)),
    };
}
