using PluginHost.Contracts.Journal;

namespace PluginHost.Contracts.Plugins;

/// <summary>Looks up, line by line, what a plugin's rules need beyond the line itself.</summary>
public interface IBatchFacts
{
    /// <summary>
    /// The facts for one line: one value per <see cref="IPostingPlugin.RuleInputs"/> after <c>line</c>, in that
    /// order. Called once per line in workbook order; an implementation keeps what earlier lines claimed
    /// (e.g. quantity already reversed) so each line is checked against what remains after them. The facts returned
    /// reach <see cref="IPostingPlugin.Post"/> later, possibly on another thread and after the facts of later lines were
    /// asked: they must not change once returned.
    /// </summary>
    IReadOnlyList<object?> FactsFor(JournalLine line);
}
