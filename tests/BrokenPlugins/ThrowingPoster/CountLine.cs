using PluginHost.Contracts.Journal;

namespace ThrowingPoster;

/// <summary>A line of the "Counts" sheet: a document and a quantity of an item.</summary>
public sealed class CountLine : JournalLine
{
    [Column("Posting Date")]
    public DateOnly? PostingDate { get; init; }

    [Column("Document No.")]
    public string DocumentNo { get; init; } = "";

    [Column("Item No.")]
    public string ItemNo { get; init; } = "";

    [Column("Quantity")]
    public decimal Quantity { get; init; }
}
