using PluginHost.Engine.Languages;
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
    /// The problems a batch carries about its rule file, told in <paramref name="text"/>'s language. With no rule set in
    /// force: RULE041 first, then the details (the command line shows them; the web page leaves them to its Rules page).
    /// With an earlier rule set in force: only RULE040, a warning that says so.
    /// </summary>
    public static IReadOnlyList<Problem> ForTheBatch(string plugin, string file, CompiledWorkflow? rules, IReadOnlyList<Problem> problems, HostText text)
    {
        if (problems.Count == 0)
            return problems;
        if (rules is not null && problems.Any(p => p.Code == "RULE040"))
            return [Problem.Warning("RULE040", text.Format("Rule.ChangeUnusable", plugin, file, rules.File.Sha256[..12]), new SourceLocation { File = file })];
        if (rules is not null || !problems.HasErrors())
            return problems;
        return [Problem.Error("RULE041", text.Format("Rule.FileUnusable", plugin, file), new SourceLocation { File = file }), .. problems];
    }

    /// <summary>RULE050: a rule, or a GlobalParam, that threw on every line of the batch in the same way; at its place in the file.</summary>
    public static Problem ThrewOnEveryLine(string plugin, CompiledWorkflow rules, LineChecker.RuleFault fault, HostText text)
    {
        var workflow = rules.File.Workflows.FirstOrDefault(w => w.Name == rules.Name);
        var (who, position) = fault.GlobalParam is { } global
            ? (text.Format("Rule.GlobalNamed", global), workflow?.GlobalParams.FirstOrDefault(g => g.Name == global)?.Expression.Position)
            : (text.Format("Rule.Named", fault.Rule), rules.Rules.FirstOrDefault(r => r.Name == fault.Rule)?.Position);
        var message = text.Format("Rule.ThrewOnEveryLine", who, fault.Lines, fault.Exception, plugin, Path.GetFileName(rules.File.Path));
        var where = new SourceLocation { File = rules.File.Path, Workflow = rules.Name, Rule = fault.Rule ?? fault.GlobalParam, Line = position?.Line, Position = position?.Column };
        return fault.Refuses ? Problem.Error("RULE050", message, where) : Problem.Warning("RULE050", message, where);
    }
}
