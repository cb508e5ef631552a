using PluginHost.Contracts.Journal;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// A line of a project invoice (Project Operations): a confirmed invoice line to post as billed sales, or, with
/// Corrects Invoice No., the corrected quantity of a line of an invoice posted before.
/// </summary>
public sealed class ProjectInvoiceLine : JournalLine
{
    /// <summary>Invoice No.: the invoice, or the corrective invoice.</summary>
    [Column("Invoice No.", "Fakturanummer", "Fakturanummer")]
    public string InvoiceNo { get; init; } = "";

    /// <summary>Line No.: the invoice line (a correction keeps the number of the line it corrects).</summary>
    [Column("Line No.", "Radnummer", "Linjenummer")]
    public int LineNo { get; init; }

    /// <summary>Project No.</summary>
    [Column("Project No.", "Projektnummer", "Prosjektnummer")]
    public string ProjectNo { get; init; } = "";

    /// <summary>Customer No.</summary>
    [Column("Customer No.", "Kundnummer", "Kundenummer")]
    public string CustomerNo { get; init; } = "";

    /// <summary>Transaction Type: Time, Expense, Fee, Milestone or Material.</summary>
    [Column("Transaction Type", "Transaktionstyp", "Transaksjonstype")]
    public string TransactionType { get; init; } = "";

    /// <summary>Resource: the person, role or item.</summary>
    [Column("Resource", "Resurs", "Ressurs")]
    public string Resource { get; init; } = "";

    /// <summary>Date of the transaction, and the posting date of its actuals.</summary>
    [Column("Date", "Datum", "Dato")]
    public DateOnly? Date { get; init; }

    /// <summary>Quantity: billed on an original line, the corrected quantity on a correction.</summary>
    [Column("Quantity", "Kvantitet", "Antall")]
    public decimal Quantity { get; init; }

    /// <summary>Unit Price, to the cent; a correction may leave it empty (the invoiced price is used).</summary>
    [Column("Unit Price", "Enhetspris", "Enhetspris", Decimals = 2)]
    public decimal UnitPrice { get; init; }

    /// <summary>Status of the invoice: Confirmed (posted) or Draft (not an invoice yet).</summary>
    [Column("Status", "Status", "Status")]
    public string Status { get; init; } = "";

    /// <summary>Corrects Invoice No.: on a correction, the invoice it corrects.</summary>
    [Column("Corrects Invoice No.", "Korrigerar fakturanummer", "Korrigerer fakturanummer", Required = false)]
    public string CorrectsInvoiceNo { get; init; } = "";

    /// <summary>Remainder: Unbilled (default) or Non-chargeable, for the quantity a correction takes off.</summary>
    [Column("Remainder", "Återstod", "Rest", Required = false)]
    public string Remainder { get; init; } = "";

    /// <summary>True for a correction line.</summary>
    public bool IsCorrection => !string.IsNullOrWhiteSpace(CorrectsInvoiceNo);

    /// <summary>Status as an English key: confirmed, draft (Swedish Bekräftad/Utkast and Norwegian Bekreftet/Utkast give the same).</summary>
    public string StatusKey => Key(Status) switch
    {
        "bekräftad" or "bekreftet" => "confirmed",
        "utkast" => "draft",
        var key => key,
    };

    /// <summary>The transaction type as the ledger spells it (Time, Expense, Fee, Milestone, Material), or empty when unknown.</summary>
    public string TransactionTypeName => Key(TransactionType) switch
    {
        "time" or "tid" => "Time",
        "expense" or "utlägg" or "utlegg" => "Expense",
        "fee" or "avgift" or "gebyr" => "Fee",
        "milestone" or "milstolpe" or "milepæl" => "Milestone",
        "material" or "materiell" => "Material",
        _ => "",
    };

    /// <summary>Remainder as an English key: "", unbilled, nonchargeable (Swedish Ofakturerad / Icke debiterbar, Norwegian Ufakturert / Ikke fakturerbar).</summary>
    public string RemainderKey => Key(Remainder) switch
    {
        "ofakturerad" or "ufakturert" => "unbilled",
        "ickedebiterbar" or "ejdebiterbar" or "ikkefakturerbar" or "ikkebelastbar" => "nonchargeable",
        var key => key,
    };

    /// <summary>True when the quantity taken off by a correction is written off rather than kept to bill later.</summary>
    public bool NonChargeable => RemainderKey == "nonchargeable";

    private static string Key(string text) => string.Concat(text.Normalize(System.Text.NormalizationForm.FormC).Where(char.IsLetter)).ToLowerInvariant();
}
