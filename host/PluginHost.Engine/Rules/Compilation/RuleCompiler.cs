using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Turns a workflow of a rule file into one compiled delegate: every expression parsed by RulesEngine's parser against the
/// plugin's inputs, checked against the allow-list and the limits, and all of it built into one expression tree
/// (<see cref="WorkflowBuilder"/>) compiled once. Problems point at the line and column inside the rule file; a workflow
/// with any problem is not compiled.
/// </summary>
public static class RuleCompiler
{
    /// <summary>
    /// Compiles the workflow <paramref name="workflowName"/> of <paramref name="file"/> (the only one, if the file holds
    /// one) against the inputs a plugin declares.
    /// </summary>
    public static (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) Compile(RuleFile file, string workflowName, IReadOnlyList<RuleInput> inputs)
    {
        var workflow = file.Workflows.FirstOrDefault(w => string.Equals(w.Name, workflowName, StringComparison.OrdinalIgnoreCase))
                       ?? (file.Workflows.Count == 1 ? file.Workflows[0] : null);
        if (workflow is null)
            return (null, [Problem.Error("RULE010", $"the file has no workflow named '{workflowName}' (it has {string.Join(", ", file.Workflows.Select(w => w.Name))})", new SourceLocation { File = file.Path })]);

        var problems = new List<Problem>();
        var (_, rules) = WithInjected(file, workflow, problems);
        var injectedGlobals = InjectedGlobals(file, workflow);
        var builder = new WorkflowBuilder(file, workflow, inputs);
        var tree = builder.Build(workflow.GlobalParams, rules, injectedGlobals);
        problems.AddRange(builder.Problems);
        if (problems.HasErrors())
            return (null, problems);
        var fast = FastPath.Of(tree).Compile();
        // The guarded tree is needed only on a line where something throws: compiled then, not at every load.
        var guarded = new Lazy<Action<object?[], RuleRun>>(tree.Compile);
        return (new CompiledWorkflow(workflow.Name, file, builder.Rules, builder.Messages, builder.TopLevel, builder.Children, fast, guarded), problems);
    }

    /// <summary>
    /// The workflow's GlobalParams and its rules followed by those of the workflows it injects (and they inject), as
    /// RulesEngine's WorkflowsToInject: only the rules are carried over, not the injected workflows' GlobalParams.
    /// </summary>
    internal static (IReadOnlyList<ParamDefinition> Globals, List<RuleDefinition> Rules) WithInjected(RuleFile file, WorkflowDefinition workflow, List<Problem>? problems)
    {
        var rules = workflow.Rules.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal) { workflow.Name };
        var pending = new Queue<(WorkflowDefinition From, string Name, Json.TextPosition At)>(Names(workflow));
        while (pending.Count > 0)
        {
            var (from, name, at) = pending.Dequeue();
            // RulesEngine finds an injected workflow by its exact name.
            var injected = file.Workflows.FirstOrDefault(w => w.Name == name);
            if (injected is null)
            {
                var cased = file.Workflows.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
                            ?? (EditDistance.Nearest(name, file.Workflows.Select(w => w.Name)) is { } nearest ? file.Workflows.First(w => w.Name == nearest) : null);
                problems?.Add(Problem.Error("RULE011", $"workflow '{from.Name}' injects '{name}', which is not a workflow of this file{(cased is null ? "" : $"; did you mean '{cased.Name}'? (names are matched exactly)")}", SourceLocation.InText(file.Path, at.Line, at.Column)));
                continue;
            }
            if (injected == workflow && from == workflow)
            {
                problems?.Add(Problem.Error("RULE011", $"workflow '{workflow.Name}' injects itself", SourceLocation.InText(file.Path, at.Line, at.Column)));
                continue;
            }
            if (!seen.Add(injected.Name))
                continue; // injected already: a cycle through other workflows adds nothing twice
            rules.AddRange(injected.Rules);
            foreach (var next in Names(injected))
                pending.Enqueue(next);
        }
        // Case-insensitive, as within one workflow: names that differ only in case read as the same rule in a report.
        foreach (var clash in rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems?.Add(Problem.Error("RULE005", $"rule name '{clash.Last().Name}' is used more than once among the rules of workflow '{workflow.Name}' and the workflows it injects", SourceLocation.InText(file.Path, clash.Last().Position.Line, clash.Last().Position.Column)));
        return (workflow.GlobalParams, rules);
    }

    /// <summary>A workflow's WorkflowsToInject, each name with where it stands.</summary>
    private static IEnumerable<(WorkflowDefinition From, string Name, Json.TextPosition At)> Names(WorkflowDefinition workflow) =>
        workflow.WorkflowsToInject.Select((name, i) => (workflow, name, i < workflow.WorkflowsToInjectPositions.Count ? workflow.WorkflowsToInjectPositions[i] : workflow.Position));

    private static List<ParamDefinition> InjectedGlobals(RuleFile file, WorkflowDefinition workflow) =>
        [.. file.Workflows.Where(w => w != workflow && workflow.WorkflowsToInject.Contains(w.Name)).SelectMany(w => w.GlobalParams)];
}
