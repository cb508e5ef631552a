namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// The rules' <c>corrected</c> input: for a correction, the invoice line it corrects as the ledger has it now: what is
/// billed on it, and whether a later corrective invoice took it over already.
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

    /// <summary>The resource of the billed actual a correction reverses.</summary>
    public string Resource { get; init; } = "";

    /// <summary>The line's transaction type.</summary>
    public string TransactionType { get; init; } = "";

    /// <summary>The quantity billed on the line now (0 after a full credit).</summary>
    public decimal BilledQuantity { get; init; }

    /// <summary>The amount billed on the line now.</summary>
    public decimal BilledAmount { get; init; }

    /// <summary>The line's unit price.</summary>
    public decimal UnitPrice { get; init; }

    /// <summary>The billed actual a correction reverses, or 0 when nothing is billed.</summary>
    public long BilledActualId { get; init; }

    /// <summary>The latest corrective invoice that already corrected this line, or empty: a line is corrected through its latest invoice.</summary>
    public string LatestCorrection { get; init; } = "";

    /// <summary>True when a row above in the workbook corrects the same line.</summary>
    public bool CorrectedAbove { get; init; }
}
