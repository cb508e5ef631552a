namespace PluginHost.Engine.Posting;

/// <summary>Statuses of a posting as printed with --json.</summary>
public static class PostingStatus
{
    /// <summary>Written to the ledgers.</summary>
    public const string Posted = "posted";

    /// <summary>A dry run found no error.</summary>
    public const string Validated = "validated";

    /// <summary>Refused (rules or unreadable cells); nothing posted.</summary>
    public const string Rejected = "rejected";

    /// <summary>The same file was posted before.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Could not be processed: unreadable file, configuration error, failing plugin.</summary>
    public const string Failed = "failed";
}
