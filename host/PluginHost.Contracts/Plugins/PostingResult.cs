using PluginHost.Contracts.Ledger;

namespace PluginHost.Contracts.Plugins;

/// <summary>
/// What a plugin asks the host to write for one batch. Properties have defaults so that a ledger added
/// later is a new property, never a changed constructor.
/// </summary>
public sealed record PostingResult
{
    /// <summary>New item ledger entries.</summary>
    public IReadOnlyList<ItemLedgerEntry> ItemEntries { get; init; } = [];

    /// <summary>New capacity ledger entries.</summary>
    public IReadOnlyList<CapacityLedgerEntry> CapacityEntries { get; init; } = [];

    /// <summary>Quantities applied against existing item entries; each lowers that entry's remaining quantity.</summary>
    public IReadOnlyList<ItemApplication> ItemApplications { get; init; } = [];
}
