using PluginHost.Contracts.Journal;

namespace PluginHost.Contracts.Plugins;

/// <summary>A line that passed the rules, with the facts that were looked up for it.</summary>
/// <param name="Line">The typed journal line.</param>
/// <param name="Facts">The values <see cref="IBatchFacts.FactsFor"/> returned for it.</param>
public sealed record PostingLine(JournalLine Line, IReadOnlyList<object?> Facts);
