using Microsoft.Data.Sqlite;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// The per-row writes of one batch transaction as <see cref="RawStatement"/>s, each prepared the first time a batch
/// needs it and finalized with the transaction. Parameters are numbered in the order of the column lists of
/// <see cref="EntryRows"/> and <see cref="DocumentRows"/>.
/// </summary>
internal sealed class WriteStatements(SqliteConnection connection) : IDisposable
{
    private const string ItemSql = "INSERT INTO item_entry (" + EntryRows.ItemColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
    private const string CapacitySql = "INSERT INTO capacity_entry (" + EntryRows.CapacityColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    private const string CustomerSql = "INSERT INTO customer_entry (" + EntryRows.CustomerColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    private const string ActualSql = "INSERT INTO project_actual (" + EntryRows.ProjectColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
    private const string InvoiceSql = "INSERT INTO sales_invoice (" + DocumentRows.InvoiceColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    private const string InvoiceLineSql = "INSERT INTO sales_invoice_line (" + DocumentRows.InvoiceLineColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
    private const string CreditNoteSql = "INSERT INTO credit_note (" + DocumentRows.CreditNoteColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
    private const string CreditNoteLineSql = "INSERT INTO credit_note_line (" + DocumentRows.CreditNoteLineColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
    private const string ProjectInvoiceSql = "INSERT INTO project_invoice (" + DocumentRows.ProjectInvoiceColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)";

    // ?1 the quantity, ?2 the entry: succeeds (returns a row) only when the entry has that much left.
    private const string ApplyItemSql = "UPDATE item_entry SET remaining_quantity = remaining_quantity - ?1, open = (remaining_quantity - ?1) <> 0 WHERE entry_no = ?2 AND remaining_quantity >= ?1 RETURNING remaining_quantity";

    // ?1 the quantity, ?2 the invoice, ?3 the line: succeeds only when the line has that much not yet returned.
    private const string ReturnLineSql = "UPDATE sales_invoice_line SET returned_quantity = returned_quantity + ?1 WHERE invoice_no = ?2 AND line_no = ?3 AND returned_quantity + ?1 <= quantity RETURNING returned_quantity";
    private const string InvoiceRemainingSql = "SELECT remaining_amount FROM customer_entry WHERE document_type = 'Invoice' AND document_no = ?1";
    private const string SetInvoiceRemainingSql = "UPDATE customer_entry SET remaining_amount = ?1 WHERE document_type = 'Invoice' AND document_no = ?2";
    private const string MarkCorrectedSql = "UPDATE project_invoice SET corrected_by = ?1 WHERE invoice_no = ?2";

    private readonly List<RawStatement> _prepared = [];
    private RawStatement? _item, _capacity, _customer, _actual, _invoice, _invoiceLine, _creditNote, _creditNoteLine, _projectInvoice;
    private RawStatement? _applyItem, _returnLine, _invoiceRemaining, _setInvoiceRemaining, _markCorrected;

    public RawStatement Item => _item ?? Prepare(ref _item, ItemSql);
    public RawStatement Capacity => _capacity ?? Prepare(ref _capacity, CapacitySql);
    public RawStatement Customer => _customer ?? Prepare(ref _customer, CustomerSql);
    public RawStatement Actual => _actual ?? Prepare(ref _actual, ActualSql);
    public RawStatement Invoice => _invoice ?? Prepare(ref _invoice, InvoiceSql);
    public RawStatement InvoiceLine => _invoiceLine ?? Prepare(ref _invoiceLine, InvoiceLineSql);
    public RawStatement CreditNote => _creditNote ?? Prepare(ref _creditNote, CreditNoteSql);
    public RawStatement CreditNoteLine => _creditNoteLine ?? Prepare(ref _creditNoteLine, CreditNoteLineSql);
    public RawStatement ProjectInvoice => _projectInvoice ?? Prepare(ref _projectInvoice, ProjectInvoiceSql);
    public RawStatement ApplyItem => _applyItem ?? Prepare(ref _applyItem, ApplyItemSql);
    public RawStatement ReturnLine => _returnLine ?? Prepare(ref _returnLine, ReturnLineSql);
    public RawStatement InvoiceRemaining => _invoiceRemaining ?? Prepare(ref _invoiceRemaining, InvoiceRemainingSql);
    public RawStatement SetInvoiceRemaining => _setInvoiceRemaining ?? Prepare(ref _setInvoiceRemaining, SetInvoiceRemainingSql);
    public RawStatement MarkCorrected => _markCorrected ?? Prepare(ref _markCorrected, MarkCorrectedSql);

    /// <summary>Finalizes every prepared statement; must run before the transaction ends its connection's use.</summary>
    public void Dispose()
    {
        foreach (var statement in _prepared)
            statement.Dispose();
        _prepared.Clear();
        _item = _capacity = _customer = _actual = _invoice = _invoiceLine = _creditNote = _creditNoteLine = _projectInvoice = null;
        _applyItem = _returnLine = _invoiceRemaining = _setInvoiceRemaining = _markCorrected = null;
    }

    private RawStatement Prepare(ref RawStatement? slot, string sql)
    {
        slot = new RawStatement(connection, sql);
        _prepared.Add(slot);
        return slot;
    }
}
