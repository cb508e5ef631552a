using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Documents;

namespace PluginHost.Engine.Ledger;

/// <summary>Maps document rows (invoices, credit notes) to contract records.</summary>
internal static class DocumentRows
{
    public const string InvoiceColumns = "invoice_no, batch, row, order_no, customer_no, posting_date, amount";
    public const string InvoiceLineColumns = "invoice_no, line_no, batch, row, item_no, quantity, unit_price, amount, returned_quantity, item_entry_no";
    public const string CreditNoteColumns = "credit_note_no, batch, row, return_order_no, rma_no, customer_no, posting_date, amount";
    public const string CreditNoteLineColumns = "credit_note_no, line_no, batch, row, invoice_no, invoice_line_no, item_no, quantity, unit_price, amount, reason_code, item_entry_no";

    public const string ProjectInvoiceColumns = "invoice_no, batch, row, project_no, customer_no, status, corrects_invoice_no, corrected_by";

    public static ProjectInvoice ProjectInvoice(SqliteDataReader r) => new()
    {
        InvoiceNo = r.GetString(0), Batch = r.GetInt64(1), Row = r.GetInt32(2), ProjectNo = r.GetString(3), CustomerNo = r.GetString(4), Status = r.GetString(5),
        CorrectsInvoiceNo = r.IsDBNull(6) ? null : r.GetString(6), CorrectedBy = r.IsDBNull(7) ? null : r.GetString(7),
    };

    public static SalesInvoice Invoice(SqliteDataReader r) => new()
    {
        InvoiceNo = r.GetString(0), Batch = r.GetInt64(1), Row = r.GetInt32(2), OrderNo = r.GetString(3), CustomerNo = r.GetString(4),
        PostingDate = EntryRows.Date(r.GetString(5)), Amount = Scaled.Amount(r.GetInt64(6)),
    };

    public static SalesInvoiceLine InvoiceLine(SqliteDataReader r) => new()
    {
        InvoiceNo = r.GetString(0), LineNo = r.GetInt32(1), Batch = r.GetInt64(2), Row = r.GetInt32(3), ItemNo = r.GetString(4),
        Quantity = Scaled.Quantity(r.GetInt64(5)), UnitPrice = Scaled.Amount(r.GetInt64(6)), Amount = Scaled.Amount(r.GetInt64(7)),
        ReturnedQuantity = Scaled.Quantity(r.GetInt64(8)), ItemEntryNo = r.GetInt64(9),
    };

    public static CreditNote CreditNote(SqliteDataReader r) => new()
    {
        CreditNoteNo = r.GetString(0), Batch = r.GetInt64(1), Row = r.GetInt32(2), ReturnOrderNo = r.GetString(3), RmaNo = r.GetString(4),
        CustomerNo = r.GetString(5), PostingDate = EntryRows.Date(r.GetString(6)), Amount = Scaled.Amount(r.GetInt64(7)),
    };

    public static CreditNoteLine CreditNoteLine(SqliteDataReader r) => new()
    {
        CreditNoteNo = r.GetString(0), LineNo = r.GetInt32(1), Batch = r.GetInt64(2), Row = r.GetInt32(3), InvoiceNo = r.GetString(4),
        InvoiceLineNo = r.GetInt32(5), ItemNo = r.GetString(6), Quantity = Scaled.Quantity(r.GetInt64(7)), UnitPrice = Scaled.Amount(r.GetInt64(8)),
        Amount = Scaled.Amount(r.GetInt64(9)), ReasonCode = r.IsDBNull(10) ? null : r.GetString(10), ItemEntryNo = r.GetInt64(11),
    };
}
