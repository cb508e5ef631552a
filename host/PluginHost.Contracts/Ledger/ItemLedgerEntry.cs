namespace PluginHost.Contracts.Ledger;

/// <summary>An entry of the item ledger. Quantities are exact decimals with at most 5 decimals.</summary>
public sealed record ItemLedgerEntry
{
    /// <summary>Entry number, unique in the item ledger.</summary>
    public required long EntryNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The worksheet row it came from.</summary>
    public required int Row { get; init; }

    /// <summary>Posting date.</summary>
    public required DateOnly PostingDate { get; init; }

    /// <summary>Output or Sale.</summary>
    public required ItemEntryType EntryType { get; init; }

    /// <summary>Document number of the journal line.</summary>
    public required string DocumentNo { get; init; }

    /// <summary>Item number.</summary>
    public required string ItemNo { get; init; }

    /// <summary>Production order, for output entries.</summary>
    public string? ProdOrderNo { get; init; }

    /// <summary>Customer, for sale entries.</summary>
    public string? CustomerNo { get; init; }

    /// <summary>Signed quantity: positive into stock, negative out of it.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>What is left to apply against this entry; between zero and |Quantity|.</summary>
    public required decimal RemainingQuantity { get; init; }

    /// <summary>True while the remaining quantity is not zero.</summary>
    public required bool Open { get; init; }

    /// <summary>The entry this one is applied to (a reversal's original).</summary>
    public long? AppliesToEntry { get; init; }
}
