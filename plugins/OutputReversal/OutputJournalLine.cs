using PluginHost.Contracts.Journal;

namespace PluginHost.Plugins.OutputReversal;

/// <summary>
/// A line of Business Central's Output Journal. A forward line posts output (quantity and run time zero or
/// more, no Applies-to Entry); a reversal line carries negative quantities and the output entry it reverses.
/// </summary>
public sealed class OutputJournalLine : JournalLine
{
    /// <summary>Posting Date; required by the rules, so an empty cell is reported there rather than unreadable.</summary>
    [Column("Posting Date", "Bokföringsdatum", "Bokføringsdato", Description = "The date the entry is posted on (a date cell, or 2026-11-02).", Example = "2026-11-02")]
    public DateOnly? PostingDate { get; init; }

    /// <summary>Document No.</summary>
    [Column("Document No.", "Dokumentnr", "Bilagsnr.", "Dokumentnr.", Description = "The document number of the line, e.g. the production order's output document.", Example = "OUT-1001")]
    public string DocumentNo { get; init; } = "";

    /// <summary>Prod. Order No.</summary>
    [Column("Prod. Order No.", "Prod.ordernr", "Prod.ordrenr.", "Tillverkningsordernr", "Produksjonsordrenr.", "Production Order No.", Description = "The production order the output belongs to.", Example = "PO-1001")]
    public string ProdOrderNo { get; init; } = "";

    /// <summary>Item No.</summary>
    [Column("Item No.", "Artikelnr", "Varenr.", Description = "The item produced.", Example = "BIKE-100")]
    public string ItemNo { get; init; } = "";

    /// <summary>Operation No. of the routing.</summary>
    [Column("Operation No.", "Operationsnr", "Operasjonsnr.", Description = "The routing operation the run time was spent on.", Example = "10")]
    public string OperationNo { get; init; } = "";

    /// <summary>Run Time; negative on a reversal.</summary>
    [Column("Run Time", "Körtid", "Operasjonstid", "Bearbetningstid", "Kjøretid", Description = "Run time; negative to reverse (at most 5 decimals).", Example = "120")]
    public decimal RunTime { get; init; }

    /// <summary>Output Quantity; negative on a reversal.</summary>
    [Column("Output Quantity", "Utflödesantal", "Avgangsantall", "Utflöde antal", "Utflödeskvantitet", "Ferdigmeldt antall", "Output Qty.", Description = "Quantity produced; negative to reverse (at most 5 decimals).", Example = "10")]
    public decimal OutputQuantity { get; init; }

    /// <summary>Applies-to Entry: the output entry a reversal applies to.</summary>
    [Column("Applies-to Entry", "Kopplas till löpnr", "Utligningspost", Description = "For a reversal: the number of the output item entry to reverse. Empty for new output.")]
    public long? AppliesToEntry { get; init; }

    /// <summary>True for a reversal of output: a negative Output Quantity, applied to the output entry it reverses.</summary>
    [DerivedFrom(nameof(OutputQuantity))]
    public bool IsReversal => OutputQuantity < 0;
}
