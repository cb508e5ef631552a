namespace PluginHost.Contracts.Documents;

/// <summary>A posted credit note (credit memo): one per return order and batch.</summary>
public sealed record CreditNote
{
    /// <summary>Credit note number, from the host's number series.</summary>
    public required string CreditNoteNo { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The first worksheet row of its lines.</summary>
    public required int Row { get; init; }

    /// <summary>The return order it credits.</summary>
    public required string ReturnOrderNo { get; init; }

    /// <summary>The RMA number of the return.</summary>
    public required string RmaNo { get; init; }

    /// <summary>The customer.</summary>
    public required string CustomerNo { get; init; }

    /// <summary>Posting date.</summary>
    public required DateOnly PostingDate { get; init; }

    /// <summary>Total of its lines: negative.</summary>
    public required decimal Amount { get; init; }
}
