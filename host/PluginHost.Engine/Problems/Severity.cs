namespace PluginHost.Engine.Problems;

/// <summary>How much a problem matters: an error blocks posting, a warning is reported only.</summary>
public enum Severity
{
    /// <summary>Blocks the batch.</summary>
    Error,

    /// <summary>Reported; the batch still posts.</summary>
    Warning,
}
