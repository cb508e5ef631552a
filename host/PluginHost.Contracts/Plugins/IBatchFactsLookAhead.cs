using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Contracts.Plugins;

/// <summary>
/// Optional capability of an <see cref="IBatchFactsPrefetch"/>: its prefetch split in two halves, so that the host can
/// make the look-ups of the next chunk on its reading thread while the lines before it are still being posted
/// (docs/performance.md). <see cref="LookAhead"/> only reads; <see cref="UseLookAhead"/> then takes what it found,
/// on the checking thread, in place of <see cref="IBatchFactsPrefetch.Prefetch"/> of the same lines. Together they must
/// give the facts that <see cref="IBatchFactsPrefetch.Prefetch"/> gives. The host uses them only when it can give
/// <see cref="LookAhead"/> a reader of its own on the ledger as it stood before the batch; otherwise it calls
/// <see cref="IBatchFactsPrefetch.Prefetch"/> as before.
/// </summary>
public interface IBatchFactsLookAhead : IBatchFactsPrefetch
{
    /// <summary>
    /// Looks up in <paramref name="ledger"/> what <see cref="IBatchFacts.FactsFor"/> will need for <paramref name="lines"/>.
    /// May be called on another thread than the other members, and while <see cref="IBatchFacts.FactsFor"/> answers the
    /// lines of earlier chunks: it must use only its arguments, never the state of this object or the reader it was created with.
    /// </summary>
    /// <param name="lines">The next chunk's lines, in workbook order.</param>
    /// <param name="ledger">The ledgers as they stood before the batch, on a connection of this thread's own.</param>
    /// <returns>What was found, handed unchanged to <see cref="UseLookAhead"/>.</returns>
    object? LookAhead(IReadOnlyList<JournalLine> lines, ILedgerReader ledger);

    /// <summary>Takes what <see cref="LookAhead"/> found for the next chunk, before the first <see cref="IBatchFacts.FactsFor"/> of its lines.</summary>
    void UseLookAhead(object? found);
}
