using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>A workflow compiled to one delegate, ready to evaluate lines.</summary>
public sealed class CompiledWorkflow
{
    private readonly IReadOnlyList<RuleDefinition> _rules;
    private readonly IReadOnlyList<MessageTemplate> _messages;
    private readonly IReadOnlyList<int> _topLevel;
    private readonly Action<object?[], RuleRun> _evaluate;

    internal CompiledWorkflow(string name, RuleFile file, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<MessageTemplate> messages, IReadOnlyList<int> topLevel, Action<object?[], RuleRun> evaluate)
    {
        Name = name;
        File = file;
        _rules = rules;
        _messages = messages;
        _topLevel = topLevel;
        _evaluate = evaluate;
    }

    /// <summary>The workflow name.</summary>
    public string Name { get; }

    /// <summary>The rule file, with its hash.</summary>
    public RuleFile File { get; }

    /// <summary>The top-level rules, in file order.</summary>
    public IEnumerable<RuleDefinition> Rules => _topLevel.Select(i => _rules[i]);

    /// <summary>Evaluates every rule on one line's inputs (in the plugin's declared order) and returns each top-level outcome.</summary>
    public IReadOnlyList<RuleOutcome> Evaluate(object?[] inputs)
    {
        var run = new RuleRun(_rules, _messages);
        _evaluate(inputs, run);
        return run.Outcomes(_topLevel).ToList();
    }
}
