using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// What a batch's report needs of what the batch wrote, read with SQL rather than by reading every entry back
/// (docs/performance.md): the first rows of each table, the counts and sums of the whole batch, the first document
/// totals, and the entries the correction stories tell. Its size depends on the report's row limit, not on the batch.
/// </summary>
public sealed record BatchSummary
{
    /// <summary>Rows read per table for a report, and the document totals kept while a batch is written (<see cref="DocumentTotals"/>).</summary>
    public const int RowLimit = 1000;

    /// <summary>A batch that wrote nothing: a refused one.</summary>
    public static readonly BatchSummary Empty = new();

    /// <summary>The first rows of each table in the report's order; for sales invoices and credit notes shown, all their lines.</summary>
    public BatchEntries Shown { get; init; } = new();

    /// <summary>Rows per ledger and document table, over the whole batch.</summary>
    public BatchCounts Counts { get; init; } = new();

    /// <summary>The sums the report's totals show, over the whole batch.</summary>
    public LedgerSums Sums { get; init; } = new();

    /// <summary>The first document totals, by document number and ledger (0 item, 1 capacity, 2 customer, 3 project).</summary>
    public IReadOnlyList<DocumentSums> Documents { get; init; } = [];

    /// <summary>Document totals over the whole batch: one per document and ledger.</summary>
    public int DocumentCount { get; init; }

    /// <summary>The entries the correction stories tell: the first reversals, credit note lines and corrected invoice lines.</summary>
    public CorrectionEntries Corrections { get; init; } = new();
}

/// <summary>Rows per table, over a whole batch.</summary>
public sealed record BatchCounts(int Items = 0, int Capacity = 0, int Customer = 0, int Project = 0, int Invoices = 0, int CreditNotes = 0, int ProjectInvoices = 0)
{
    /// <summary>Entry counts per ledger, as --json reports them.</summary>
    public IReadOnlyDictionary<string, int> Ledgers() => new Dictionary<string, int>
    {
        ["item"] = Items,
        ["capacity"] = Capacity,
        ["customer"] = Customer,
        ["project"] = Project,
    };
}

/// <summary>The sums of one set of entries that a report shows: per ledger, for a batch or one document.</summary>
public sealed record LedgerSums(decimal Quantity = 0, decimal RunTime = 0, decimal Output = 0, decimal Amount = 0, decimal Billed = 0, decimal Unbilled = 0);

/// <summary>One document's entries in one ledger: how many, and their sums.</summary>
public sealed record DocumentSums(string Document, int Ledger, int Count, LedgerSums Sums);

/// <summary>The entries behind the first correction stories of a batch.</summary>
public sealed record CorrectionEntries
{
    /// <summary>Output reversals (item entries applied to an earlier output), by entry number.</summary>
    public IReadOnlyList<ItemLedgerEntry> Reversals { get; init; } = [];

    /// <summary>The capacity entries of those reversals.</summary>
    public IReadOnlyList<CapacityLedgerEntry> ReversalRuns { get; init; } = [];

    /// <summary>Credit note lines, by credit note and line.</summary>
    public IReadOnlyList<CreditNoteLine> CreditNoteLines { get; init; } = [];

    /// <summary>The correction actuals of the first corrected invoice lines, by actual number.</summary>
    public IReadOnlyList<ProjectActual> ProjectCorrections { get; init; } = [];

    /// <summary>The batch's project invoices those corrections belong to.</summary>
    public IReadOnlyList<ProjectInvoice> CorrectiveInvoices { get; init; } = [];
}
