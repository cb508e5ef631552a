namespace PluginHost.Contracts.Ledger;

/// <summary>An entry of the capacity ledger: run time and output posted for one operation.</summary>
public sealed record CapacityLedgerEntry
{
    /// <summary>Entry number, unique in the capacity ledger.</summary>
    public required long EntryNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The worksheet row it came from.</summary>
    public required int Row { get; init; }

    /// <summary>Posting date.</summary>
    public required DateOnly PostingDate { get; init; }

    /// <summary>Document number of the journal line.</summary>
    public required string DocumentNo { get; init; }

    /// <summary>Production order.</summary>
    public required string ProdOrderNo { get; init; }

    /// <summary>Routing operation, e.g. <c>10</c>.</summary>
    public required string OperationNo { get; init; }

    /// <summary>Item produced.</summary>
    public required string ItemNo { get; init; }

    /// <summary>Signed run time; negative on a reversal.</summary>
    public required decimal RunTime { get; init; }

    /// <summary>Signed output quantity; negative on a reversal.</summary>
    public required decimal OutputQuantity { get; init; }

    /// <summary>The item entry posted with it, or 0 (shown empty in reports) for a line that posted run time only (output quantity 0), which has none.</summary>
    public required long ItemEntryNo { get; init; }

    /// <summary>For a reversal, the capacity entry it reverses.</summary>
    public long? ReversesEntryNo { get; init; }
}
