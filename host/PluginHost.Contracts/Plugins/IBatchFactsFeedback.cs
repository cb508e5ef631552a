using PluginHost.Contracts.Journal;

namespace PluginHost.Contracts.Plugins;

/// <summary>
/// Optional capability of an <see cref="IBatchFacts"/>: told when a line it looked up facts for was refused by the
/// rules, so that what the line claimed (a quantity reversed, returned) no longer counts against the lines below it.
/// Without it, a refused line's claim still counts, and lines below may be refused for its sake. The host tells it right
/// after the rules of that line, before <see cref="IBatchFacts.FactsFor"/> of the next line, so a claim need only be
/// remembered until then.
/// </summary>
public interface IBatchFactsFeedback
{
    /// <summary>The line has an error; it will not be posted.</summary>
    void Refused(JournalLine line);
}
