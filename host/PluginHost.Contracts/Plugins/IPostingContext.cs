using PluginHost.Contracts.Ledger;

namespace PluginHost.Contracts.Plugins;

/// <summary>What the host lends a plugin while it posts a batch.</summary>
public interface IPostingContext
{
    /// <summary>The number of the batch being posted; every entry must carry it.</summary>
    long Batch { get; }

    /// <summary>
    /// The next free entry number of a ledger. Numbers are handed out inside the batch's transaction, so
    /// a new entry can refer to another new one (a capacity entry to its item entry) before anything is written.
    /// </summary>
    long NextEntryNo(LedgerKind ledger);

    /// <summary>The next number of a host-kept number series, e.g. <c>CM-000001</c> for <c>CM</c>; numbers are never reused.</summary>
    string NextDocumentNo(string series);
}
