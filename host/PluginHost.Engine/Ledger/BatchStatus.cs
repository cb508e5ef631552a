namespace PluginHost.Engine.Ledger;

/// <summary>Batch statuses as stored and as printed with --json.</summary>
public static class BatchStatus
{
    /// <summary>Written to the ledgers.</summary>
    public const string Posted = "posted";

    /// <summary>Refused by the rules; nothing written but the batch record and its messages.</summary>
    public const string Rejected = "rejected";
}
