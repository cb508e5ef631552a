namespace PluginHost.Engine.Reports;

/// <summary>
/// What a report template receives: plain values, already formatted, never live objects (docs/reports.md).
/// Templates use the names as written here, e.g. <c>{{Batch.FileName}}</c>.
/// </summary>
public sealed record ReportModel
{
    /// <summary>The report's language code: en, sv or nb (for <c>&lt;html lang&gt;</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>The culture of its numbers and dates ("" for invariant).</summary>
    public string Culture { get; init; } = "";

    /// <summary>The labels of the language, by name: <c>{{L.ItemEntries}}</c> (templates/README.md lists them).</summary>
    public IReadOnlyDictionary<string, string> L { get; init; } = Languages.ReportLabels.English;

    /// <summary>One note per detail table cut at the row limit, naming the export that has every row.</summary>
    public IReadOnlyList<string> Capped { get; init; } = [];

    /// <summary>The batch header.</summary>
    public required BatchView Batch { get; init; }

    /// <summary>The story of each correction: what it corrects, what it posted, what stands after it.</summary>
    public IReadOnlyList<CorrectionView> Corrections { get; init; } = [];

    /// <summary>Item entries the batch created (or would create, for a dry run).</summary>
    public IReadOnlyList<ItemEntryView> ItemEntries { get; init; } = [];

    /// <summary>Capacity entries the batch created.</summary>
    public IReadOnlyList<CapacityEntryView> CapacityEntries { get; init; } = [];

    /// <summary>Customer entries the batch created.</summary>
    public IReadOnlyList<CustomerEntryView> CustomerEntries { get; init; } = [];

    /// <summary>Sales invoices the batch posted, with their lines.</summary>
    public IReadOnlyList<DocumentView> Invoices { get; init; } = [];

    /// <summary>Credit notes the batch posted, with their lines.</summary>
    public IReadOnlyList<DocumentView> CreditNotes { get; init; } = [];

    /// <summary>Project invoices the batch posted (originals and corrective invoices).</summary>
    public IReadOnlyList<ProjectInvoiceView> ProjectInvoices { get; init; } = [];

    /// <summary>Project actuals the batch posted.</summary>
    public IReadOnlyList<ProjectActualView> ProjectActuals { get; init; } = [];

    /// <summary>Errors, refused rows first, each with its cell or row and rule.</summary>
    public IReadOnlyList<MessageView> Errors { get; init; } = [];

    /// <summary>Warnings; they did not block posting.</summary>
    public IReadOnlyList<MessageView> Warnings { get; init; } = [];

    /// <summary>Success events and OutputExpression values of the rules, by row.</summary>
    public IReadOnlyList<RuleNoteView> RuleNotes { get; init; } = [];

    /// <summary>Headers of the workbook's columns that posting does not read (kept, and named so nobody wonders).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>Totals per ledger.</summary>
    public IReadOnlyList<TotalView> Totals { get; init; } = [];

    /// <summary>Totals per document number and ledger.</summary>
    public IReadOnlyList<DocumentTotalView> DocumentTotals { get; init; } = [];

    /// <summary>True when any entry was created.</summary>
    public bool HasEntries => ItemEntries.Count + CapacityEntries.Count + CustomerEntries.Count + ProjectActuals.Count > 0;
}

/// <summary>The batch header of a report.</summary>
public sealed record BatchView(string Number, string Status, string StatusText, string Plugin, string FileName, string FileSha256, string Sheet, string User, string CreatedAt, int Lines, int RefusedRows, string Workflow, string RulesSha256);

/// <summary>An item entry as shown.</summary>
public sealed record ItemEntryView(long EntryNo, int Row, string PostingDate, string EntryType, string DocumentNo, string ItemNo, string ProdOrderNo, string Quantity, string RemainingQuantity, string Open, string AppliesToEntry);

/// <summary>A capacity entry as shown.</summary>
public sealed record CapacityEntryView(long EntryNo, int Row, string PostingDate, string DocumentNo, string ProdOrderNo, string OperationNo, string ItemNo, string RunTime, string OutputQuantity, long ItemEntryNo, string ReversesEntryNo);

/// <summary>A message as shown: where (cell or row), which rule, what.</summary>
public sealed record MessageView(string Where, string Row, string Rule, string Message);

/// <summary>A total line: a ledger, how many entries, and the sums of its figures.</summary>
public sealed record TotalView(string Ledger, int Entries, string Figures);

/// <summary>A document's total in one ledger: how many entries, and the sums of its figures.</summary>
public sealed record DocumentTotalView(string Document, string Ledger, int Entries, string Figures);

/// <summary>A rule's success event or output value on a row.</summary>
public sealed record RuleNoteView(string Row, string Rule, string Kind, string Text);

/// <summary>A customer entry as shown.</summary>
public sealed record CustomerEntryView(long EntryNo, int Row, string PostingDate, string CustomerNo, string DocumentType, string DocumentNo, string Amount, string RemainingAmount, string AppliesToDocumentNo, string RmaNo, string ReasonCode);

/// <summary>A posted document (invoice or credit note) as shown, with its lines.</summary>
public sealed record DocumentView(string DocumentNo, string Reference, string CustomerNo, string PostingDate, string Amount, int Row, IReadOnlyList<DocumentLineView> Lines);

/// <summary>A document line as shown; <c>AppliesTo</c> names the original invoice line of a credit note line.</summary>
public sealed record DocumentLineView(int LineNo, int Row, string ItemNo, string Quantity, string UnitPrice, string Amount, string AppliesTo, string ReturnedQuantity, string ReasonCode);

/// <summary>A project invoice as shown.</summary>
public sealed record ProjectInvoiceView(string InvoiceNo, int Row, string ProjectNo, string CustomerNo, string Status, string CorrectsInvoiceNo, string CorrectedBy);

/// <summary>A project actual as shown.</summary>
public sealed record ProjectActualView(long ActualId, int Row, string ProjectNo, string InvoiceNo, int InvoiceLineNo, string TransactionType, string Resource, string Date, string Quantity, string UnitPrice, string Amount, string ActualType, string Chargeable, string ReversesActualId);
