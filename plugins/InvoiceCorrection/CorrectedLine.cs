using PluginHost.Contracts.Ledger;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// The rules' <c>corrected</c> input: for a correction, the transaction it corrects as the ledger has it now, over the
/// whole chain of invoices it was billed and corrected on: what is billed, what is unbilled, and whether a later
/// corrective invoice took the line over already.
/// </summary>
public sealed class CorrectedLine
{
    /// <summary>For original lines, and corrections of an invoice that does not exist.</summary>
    public static readonly CorrectedLine None = new();

    /// <summary>True when the corrected invoice was posted.</summary>
    public bool InvoiceExists { get; init; }

    /// <summary>Its status (Confirmed).</summary>
    public string InvoiceStatus { get; init; } = "";

    /// <summary>Its project.</summary>
    public string ProjectNo { get; init; } = "";

    /// <summary>Its customer.</summary>
    public string CustomerNo { get; init; } = "";

    /// <summary>True when the invoice holds the line.</summary>
    public bool LineExists { get; init; }

    /// <summary>The transaction's resource (empty for fees, milestones and material, which have none).</summary>
    public string Resource { get; init; } = "";

    /// <summary>The transaction's date.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The transaction's type: Time, Expense, Fee, Milestone or Material.</summary>
    public string TransactionType { get; init; } = "";

    /// <summary>The quantity billed on the transaction now, its latest corrected quantity (0 after a full credit).</summary>
    public decimal BilledQuantity { get; init; }

    /// <summary>The amount billed on the transaction now.</summary>
    public decimal BilledAmount { get; init; }

    /// <summary>The quantity of the transaction kept unbilled now (chargeable or not), on any invoice of its chain.</summary>
    public decimal UnbilledQuantity { get; init; }

    /// <summary>The transaction's unit price, as first invoiced.</summary>
    public decimal UnitPrice { get; init; }

    /// <summary>The billed actual a correction reverses, or 0 when nothing is billed.</summary>
    public long BilledActualId { get; init; }

    /// <summary>The latest corrective invoice that already corrected this line, or empty: a line is corrected through its latest invoice.</summary>
    public string LatestCorrection { get; init; } = "";

    /// <summary>True when a row above in the workbook corrects the same line.</summary>
    public bool CorrectedAbove { get; init; }

    /// <summary>The billed actual standing now, which a correction reverses; null when nothing is billed.</summary>
    internal ProjectActual? BilledActual { get; init; }

    /// <summary>The unbilled actuals standing now (neither reversals nor reversed), oldest first: what a raise bills first.</summary>
    internal IReadOnlyList<ProjectActual> Unbilled { get; init; } = [];
}
