using PluginHost.Contracts.Journal;

namespace PluginHost.Plugins.ReturnCredit;

/// <summary>
/// A line of a sales and returns journal (Dynamics 365 Finance): a sales order line to invoice, or a returned order
/// line (negative quantity) to credit against the invoice it came from.
/// </summary>
public sealed class SalesReturnLine : JournalLine
{
    /// <summary>Order Type: Sales order or Returned order.</summary>
    [Column("Order Type", "Ordertyp", "Ordretype", Description = "Sales order (invoice it) or Returned order (credit it).", Values = ["Sales order", "Returned order"], Example = "Sales order")]
    public string OrderType { get; init; } = "";

    /// <summary>Order No.: the sales order, or the return order.</summary>
    [Column("Order No.", "Ordernummer", "Ordrenummer", Description = "The sales order, or the return order.", Example = "SO-1001")]
    public string OrderNo { get; init; } = "";

    /// <summary>RMA No. of a return.</summary>
    [Column("RMA No.", "RMA-nummer", "RMA-nummer", Required = false, Description = "For a return: its RMA number (required).")]
    public string RmaNo { get; init; } = "";

    /// <summary>Customer No.</summary>
    [Column("Customer No.", "Kundnummer", "Kundenummer", Description = "The customer.", Example = "C-100")]
    public string CustomerNo { get; init; } = "";

    /// <summary>Posting Date; required by the rules.</summary>
    [Column("Posting Date", "Bokföringsdatum", "Bokføringsdato", "Posteringsdato", Description = "The posting date (a date cell, or 2026-11-03).", Example = "2026-11-03")]
    public DateOnly? PostingDate { get; init; }

    /// <summary>Invoice No.: the invoice a sales line is posted as, or the original invoice of a return.</summary>
    [Column("Invoice No.", "Fakturanummer", "Fakturanummer", Description = "Sales line: the invoice it is posted as. Return: the original invoice.", Example = "INV-1001")]
    public string InvoiceNo { get; init; } = "";

    /// <summary>Invoice Line No.: the line on that invoice.</summary>
    [Column("Invoice Line No.", "Fakturaradnummer", "Fakturalinjenummer", Description = "The line on that invoice.", Example = "1")]
    public int InvoiceLineNo { get; init; }

    /// <summary>Item No.</summary>
    [Column("Item No.", "Artikelnummer", "Varenummer", Description = "The item sold or returned.", Example = "BIKE-100")]
    public string ItemNo { get; init; } = "";

    /// <summary>Quantity: positive on a sales line, negative on a returned order line.</summary>
    [Column("Quantity", "Kvantitet", "Antall", Description = "Positive on a sales line, negative on a returned order line.", Example = "2")]
    public decimal Quantity { get; init; }

    /// <summary>Unit Price, to the cent.</summary>
    [Column("Unit Price", "Enhetspris", "Enhetspris", Decimals = 2, Description = "Unit price (at most 2 decimals); a return at most the invoiced price.", Example = "1499.00")]
    public decimal UnitPrice { get; init; }

    /// <summary>Return Reason code.</summary>
    [Column("Return Reason", "Returorsak", "Returårsak", Required = false, Description = "For a return: the reason code.")]
    public string ReturnReason { get; init; } = "";

    /// <summary>Return Status: Awaiting, Registered, Quarantine, Received or Invoiced.</summary>
    [Column("Return Status", "Returstatus", "Returstatus", Required = false, Description = "For a return: only Received lines are credited.", Values = ["Received", "Awaiting", "Registered", "Quarantine", "Invoiced"])]
    public string ReturnStatus { get; init; } = "";

    /// <summary>True for a sales order line.</summary>
    public bool IsSale => OrderTypeKey is "salesorder" or "sales" or "försäljningsorder" or "salgsordre";

    /// <summary>True for a returned order line (Dynamics 365: "Returned order", Swedish "Returnerad order", Norwegian "Returnert ordre").</summary>
    public bool IsReturn => OrderTypeKey is "returnedorder" or "returnorder" or "return" or "returorder" or "returordre" or "returneradorder" or "returnertordre";

    /// <summary>The document the line belongs to, for messages: "invoice INV-1" or "return order RO-1".</summary>
    public string DocumentName => IsSale ? $"invoice {InvoiceNo}" : $"return order {OrderNo}";

    /// <summary>The quantity a return gives back: the line's quantity made positive.</summary>
    [DerivedFrom(nameof(Quantity))]
    public decimal ReturnedQuantity => -Quantity;

    /// <summary>
    /// Return Status as an English key for comparisons: received, awaiting, registered, quarantine, invoiced; the Swedish
    /// and Norwegian Dynamics 365 captions (Inlevererad/Mottatt, Väntar/Venter ...) give the same keys.
    /// </summary>
    [DerivedFrom(nameof(ReturnStatus))]
    public string ReturnStatusKey => _returnStatusKey ??= Key(ReturnStatus) switch
    {
        "inlevererad" or "mottagen" or "mottatt" => "received",
        "väntar" or "venter" or "avvaktar" => "awaiting",
        "registrerad" or "registrert" => "registered",
        "karantän" or "karantene" => "quarantine",
        "fakturerad" or "fakturert" => "invoiced",
        var key => key,
    };

    /// <summary>The line amount, to the cent: quantity times unit price, rounded half away from zero.</summary>
    [DerivedFrom(nameof(Quantity), nameof(UnitPrice))]
    public decimal Amount => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    private string OrderTypeKey => _orderTypeKey ??= Key(OrderType);

    // Worked out once per line: the rules ask for them many times (every rule on every line), and each working-out allocates.
    private string? _returnStatusKey;
    private string? _orderTypeKey;

    private static string Key(string text) => string.Concat(text.Normalize(System.Text.NormalizationForm.FormC).Where(char.IsLetter)).ToLowerInvariant();
}
