using PluginHost.Contracts.Journal;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// A line of a project invoice (Project Operations): a confirmed invoice line to post as billed sales, or, with
/// Corrects Invoice No., the corrected quantity of a line of an invoice posted before.
/// </summary>
public sealed class ProjectInvoiceLine : JournalLine
{
    /// <summary>Invoice No.: the invoice, or the corrective invoice.</summary>
    [Column("Invoice No.", "Fakturanummer", "Fakturanummer", Description = "The invoice, or the corrective invoice.", Example = "PI-3001")]
    public string InvoiceNo { get; init; } = "";

    /// <summary>Line No.: the invoice line (a correction keeps the number of the line it corrects).</summary>
    [Column("Line No.", "Radnummer", "Linjenummer", Description = "The invoice line; a correction keeps the number of the line it corrects.", Example = "1")]
    public int LineNo { get; init; }

    /// <summary>Project No.</summary>
    [Column("Project No.", "Projektnummer", "Prosjektnummer", Description = "The project.", Example = "PRJ-42")]
    public string ProjectNo { get; init; } = "";

    /// <summary>Customer No.</summary>
    [Column("Customer No.", "Kundnummer", "Kundenummer", Description = "The customer.", Example = "C-300")]
    public string CustomerNo { get; init; } = "";

    /// <summary>Transaction Type: Time, Expense, Fee, Milestone or Material.</summary>
    [Column("Transaction Type", "Transaktionstyp", "Transaksjonstype", Description = "Time, Expense, Fee, Milestone or Material.", Values = ["Time", "Expense", "Fee", "Milestone", "Material"], Example = "Time")]
    public string TransactionType { get; init; } = "";

    /// <summary>Resource: the person or role of a Time or Expense line.</summary>
    [Column("Resource", "Resurs", "Ressurs", Required = false, Description = "The person or role, on Time and Expense lines (fees, milestones and material have none).", Example = "Anna (designer)")]
    public string Resource { get; init; } = "";

    /// <summary>Date of the transaction, and the posting date of its actuals.</summary>
    [Column("Date", "Datum", "Dato", Description = "The transaction date, also the posting date.", Example = "2026-11-10")]
    public DateOnly? Date { get; init; }

    /// <summary>Quantity: billed on an original line, the corrected quantity on a correction.</summary>
    [Column("Quantity", "Kvantitet", "Antall", Description = "Billed quantity; on a correction, the quantity that should have been billed (0 for a full credit).", Example = "8")]
    public decimal Quantity { get; init; }

    /// <summary>Unit Price, to the cent; a correction may leave it empty (the invoiced price is used).</summary>
    [Column("Unit Price", "Enhetspris", "Enhetspris", Decimals = 2, Description = "Unit price; a correction may leave it empty.", Example = "200.00")]
    public decimal UnitPrice { get; init; }

    /// <summary>Status of the invoice: Confirmed (posted) or Draft (not an invoice yet).</summary>
    [Column("Status", "Status", "Status", Description = "Confirmed (posted) or Draft (not yet an invoice).", Values = ["Confirmed", "Draft"], Example = "Confirmed")]
    public string Status { get; init; } = "";

    /// <summary>Corrects Invoice No.: on a correction, the invoice it corrects.</summary>
    [Column("Corrects Invoice No.", "Korrigerar fakturanummer", "Korrigerer fakturanummer", Required = false, Description = "On a correction: the invoice it corrects (its latest corrective invoice, if any).")]
    public string CorrectsInvoiceNo { get; init; } = "";

    /// <summary>Remainder: Unbilled (default) or Non-chargeable, for the quantity a correction takes off.</summary>
    [Column("Remainder", "Återstod", "Rest", Required = false, Description = "On a correction that lowers a quantity: Unbilled (bill later) or Non-chargeable (write off).", Values = ["Unbilled", "Non-chargeable"])]
    public string Remainder { get; init; } = "";

    /// <summary>True for a correction line.</summary>
    public bool IsCorrection => !string.IsNullOrWhiteSpace(CorrectsInvoiceNo);

    /// <summary>Status as an English key: confirmed, draft (Swedish Bekräftad/Utkast and Norwegian Bekreftet/Utkast give the same).</summary>
    [DerivedFrom(nameof(Status))]
    public string StatusKey => _statusKey ??= Key(Status) switch
    {
        "bekräftad" or "bekreftet" => "confirmed",
        "utkast" => "draft",
        var key => key,
    };

    /// <summary>The transaction type as the ledger spells it (Time, Expense, Fee, Milestone, Material), or empty when unknown.</summary>
    [DerivedFrom(nameof(TransactionType))]
    public string TransactionTypeName => _transactionTypeName ??= Key(TransactionType) switch
    {
        "time" or "tid" => "Time",
        "expense" or "utgift" or "utlägg" or "utlegg" => "Expense",
        "fee" or "avgift" or "gebyr" => "Fee",
        "milestone" or "milstolpe" or "milepæl" => "Milestone",
        "material" or "materiale" or "materiell" => "Material",
        _ => "",
    };

    /// <summary>True for the transaction types that carry a resource (Time and Expense); fees, milestones and material carry none.</summary>
    [DerivedFrom(nameof(TransactionType))]
    public bool HasResource => TransactionTypeName is "Time" or "Expense";

    /// <summary>Remainder as an English key: "", unbilled, nonchargeable (Swedish Ofakturerad / Icke debiterbar, Norwegian Ufakturert / Ikke-belastbar).</summary>
    [DerivedFrom(nameof(Remainder))]
    public string RemainderKey => _remainderKey ??= Key(Remainder) switch
    {
        "ofakturerad" or "ufakturert" or "ikkefakturert" => "unbilled",
        "ickedebiterbar" or "ejdebiterbar" or "ikkefakturerbar" or "ikkebelastbar" => "nonchargeable",
        var key => key,
    };

    /// <summary>True when the quantity taken off by a correction is written off rather than kept to bill later.</summary>
    [DerivedFrom(nameof(Remainder))]
    public bool NonChargeable => RemainderKey == "nonchargeable";

    // Worked out once per line: the rules ask for them many times (every rule on every line), and each working-out allocates.
    private string? _statusKey;
    private string? _transactionTypeName;
    private string? _remainderKey;

    private static string Key(string text) => string.Concat(text.Normalize(System.Text.NormalizationForm.FormC).Where(char.IsLetter)).ToLowerInvariant();
}
