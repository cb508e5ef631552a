using System.Globalization;
using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>Maps ledger rows to contract records.</summary>
internal static class EntryRows
{
    public const string ItemColumns = "entry_no, batch, row, posting_date, entry_type, document_no, item_no, prod_order_no, customer_no, quantity, remaining_quantity, open, applies_to_entry";
    public const string CustomerColumns = "entry_no, batch, row, posting_date, customer_no, document_type, document_no, amount, remaining_amount, applies_to_document_no, rma_no, reason_code";
    public const string ProjectColumns = "actual_id, batch, row, project_no, invoice_no, invoice_line_no, transaction_type, resource, date, quantity, unit_price, amount, actual_type, chargeable, reverses_actual_id, correction";
    public const string CapacityColumns = "entry_no, batch, row, posting_date, document_no, prod_order_no, operation_no, item_no, run_time, output_quantity, item_entry_no, reverses_entry_no";

    public static ItemLedgerEntry Item(SqliteDataReader r) => new()
    {
        EntryNo = r.GetInt64(0),
        Batch = r.GetInt64(1),
        Row = r.GetInt32(2),
        PostingDate = Date(r.GetString(3)),
        EntryType = Enum.Parse<ItemEntryType>(r.GetString(4)),
        DocumentNo = r.GetString(5),
        ItemNo = r.GetString(6),
        ProdOrderNo = r.IsDBNull(7) ? null : r.GetString(7),
        CustomerNo = r.IsDBNull(8) ? null : r.GetString(8),
        Quantity = Scaled.Quantity(r.GetInt64(9)),
        RemainingQuantity = Scaled.Quantity(r.GetInt64(10)),
        Open = r.GetInt64(11) != 0,
        AppliesToEntry = r.IsDBNull(12) ? null : r.GetInt64(12),
    };

    public static CapacityLedgerEntry Capacity(SqliteDataReader r) => new()
    {
        EntryNo = r.GetInt64(0),
        Batch = r.GetInt64(1),
        Row = r.GetInt32(2),
        PostingDate = Date(r.GetString(3)),
        DocumentNo = r.GetString(4),
        ProdOrderNo = r.GetString(5),
        OperationNo = r.GetString(6),
        ItemNo = r.GetString(7),
        RunTime = Scaled.Quantity(r.GetInt64(8)),
        OutputQuantity = Scaled.Quantity(r.GetInt64(9)),
        ItemEntryNo = r.IsDBNull(10) ? 0 : r.GetInt64(10), // a run-time-only line posts no item entry
        ReversesEntryNo = r.IsDBNull(11) ? null : r.GetInt64(11),
    };

    public static CustomerLedgerEntry Customer(SqliteDataReader r) => new()
    {
        EntryNo = r.GetInt64(0),
        Batch = r.GetInt64(1),
        Row = r.GetInt32(2),
        PostingDate = Date(r.GetString(3)),
        CustomerNo = r.GetString(4),
        DocumentType = Enum.Parse<CustomerDocumentType>(r.GetString(5)),
        DocumentNo = r.GetString(6),
        Amount = Scaled.Amount(r.GetInt64(7)),
        RemainingAmount = Scaled.Amount(r.GetInt64(8)),
        AppliesToDocumentNo = r.IsDBNull(9) ? null : r.GetString(9),
        RmaNo = r.IsDBNull(10) ? null : r.GetString(10),
        ReasonCode = r.IsDBNull(11) ? null : r.GetString(11),
    };

    public static ProjectActual Project(SqliteDataReader r) => new()
    {
        ActualId = r.GetInt64(0), Batch = r.GetInt64(1), Row = r.GetInt32(2), ProjectNo = r.GetString(3), InvoiceNo = r.GetString(4), InvoiceLineNo = r.GetInt32(5),
        TransactionType = r.GetString(6), Resource = r.GetString(7), Date = Date(r.GetString(8)), Quantity = Scaled.Quantity(r.GetInt64(9)),
        UnitPrice = Scaled.Amount(r.GetInt64(10)), Amount = Scaled.Amount(r.GetInt64(11)), ActualType = Enum.Parse<ProjectActualType>(r.GetString(12)),
        Chargeable = r.GetInt64(13) != 0, ReversesActualId = r.IsDBNull(14) ? null : r.GetInt64(14), Correction = r.GetInt64(15) != 0,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
