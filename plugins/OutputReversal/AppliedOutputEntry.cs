namespace PluginHost.Plugins.OutputReversal;

/// <summary>
/// The rules' <c>applied</c> input: the output entry a line's Applies-to Entry names, and what is left of it
/// after the lines above in the same workbook. For a line without Applies-to Entry, <see cref="Exists"/> is false.
/// </summary>
public sealed class AppliedOutputEntry
{
    /// <summary>An entry for lines that name none, or name one that does not exist.</summary>
    public static readonly AppliedOutputEntry None = new();

    /// <summary>True when the line's Applies-to Entry names an existing item entry.</summary>
    public bool Exists { get; init; }

    /// <summary>Its entry number.</summary>
    public long EntryNo { get; init; }

    /// <summary>Output or Sale.</summary>
    public string EntryType { get; init; } = "";

    /// <summary>Its production order.</summary>
    public string ProdOrderNo { get; init; } = "";

    /// <summary>Its item.</summary>
    public string ItemNo { get; init; } = "";

    /// <summary>True when it is itself a reversal (it applies to another entry, or posted a negative quantity).</summary>
    public bool IsReversal { get; init; }

    /// <summary>The routing operation of its capacity entry.</summary>
    public string OperationNo { get; init; } = "";

    /// <summary>The quantity it posted.</summary>
    public decimal Quantity { get; init; }

    /// <summary>True while it has quantity left in the ledger.</summary>
    public bool Open { get; init; }

    /// <summary>Its remaining quantity in the ledger, before this workbook.</summary>
    public decimal RemainingInLedger { get; init; }

    /// <summary>What is left after the lines above this one in the same workbook reversed theirs.</summary>
    public decimal RemainingQuantity { get; init; }

    /// <summary>Quantity the lines above in this workbook already reverse from it.</summary>
    public decimal ReversedByEarlierLines { get; init; }

    /// <summary>The capacity entry posted with it, or 0 when there is none.</summary>
    public long CapacityEntryNo { get; init; }

    /// <summary>The run time that capacity entry posted.</summary>
    public decimal RunTime { get; init; }

    /// <summary>Run time not yet reversed, after the lines above in this workbook.</summary>
    public decimal RemainingRunTime { get; init; }
}
