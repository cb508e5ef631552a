using PluginHost.Contracts.Journal;

namespace PluginHost.Contracts.Plugins;

/// <summary>
/// Optional capability of an <see cref="IBatchFacts"/>: given every line of the batch once, before the first
/// <see cref="IBatchFacts.FactsFor"/>, so it can look up what all of them need at once (see
/// <see cref="Ledger.ILedgerBatchReader"/>) rather than one query per line. It must not change which facts a line gets.
/// For a plugin that posts in chunks (<see cref="IPostsInChunks"/>), it is called once per chunk instead, with that
/// chunk's lines, before <see cref="IBatchFacts.FactsFor"/> of any of them.
/// </summary>
public interface IBatchFactsPrefetch
{
    /// <summary>Every line of the batch (or of the chunk), in workbook order.</summary>
    void Prefetch(IReadOnlyList<JournalLine> lines);
}
