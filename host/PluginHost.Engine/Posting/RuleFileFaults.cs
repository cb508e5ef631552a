using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Compilation;

namespace PluginHost.Engine.Posting;

/// <summary>
/// Faults of a rule file as the finance user who posts a workbook is told them: one message that names the plugin and the
/// file and says whom to ask, never a list of expression errors that reads as if the workbook were wrong. The details are
/// for whoever maintains the rules (<c>pluginhost rules check</c>, the Rules page).
/// </summary>
internal static class RuleFileFaults
{
    /// <summary>
    /// The problems a batch carries about its rule file. With no rule set in force: RULE041 first, then the details (the
    /// command line shows them; the web page leaves them to its Rules page). With an earlier rule set in force: only
    /// RULE040, a warning that says so.
    /// </summary>
    public static IReadOnlyList<Problem> ForTheBatch(string plugin, string file, CompiledWorkflow? rules, IReadOnlyList<Problem> problems)
    {
        if (problems.Count == 0)
            return problems;
        if (rules is not null)
            return [Problem.Warning("RULE040", $"the rules of {plugin} were changed and the change cannot be used ({file}); the rules loaded before (SHA-256 {rules.File.Sha256[..12]}) are in force. Ask whoever maintains them: `pluginhost rules check` and the Rules page list the problems", new SourceLocation { File = file })];
        if (!problems.HasErrors())
            return problems;
        var count = problems.Count(p => p.IsError);
        return [Problem.Error("RULE041", $"the rules of {plugin} cannot be used ({file}), so nothing was posted; ask whoever maintains them. `pluginhost rules check` and the Rules page list the {count} problem{(count == 1 ? "" : "s")}", new SourceLocation { File = file }), .. problems];
    }

    /// <summary>RULE050: a rule that threw on every line of the batch in the same way.</summary>
    public static Problem ThrewOnEveryLine(string plugin, string file, string workflow, LineChecker.RuleFault fault) =>
        Problem.Error("RULE050", $"rule '{fault.Rule}' could not be evaluated on any of the {fault.Lines} lines, each time for the same reason ({fault.Exception}): the fault is in the rules of {plugin}, not in the workbook, so nothing was posted; ask whoever maintains {Path.GetFileName(file)}",
            new SourceLocation { File = file, Workflow = workflow, Rule = fault.Rule });
}
