using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>A workflow compiled to one delegate, ready to evaluate lines.</summary>
public sealed class CompiledWorkflow
{
    private readonly IReadOnlyList<RuleDefinition> _rules;
    private readonly IReadOnlyList<MessageTemplate> _messages;
    private readonly IReadOnlyList<int> _topLevel;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<int>> _children;
    private readonly Func<object?[], RuleRun, bool> _fast;
    private readonly Lazy<Action<object?[], RuleRun>> _guarded;

    internal CompiledWorkflow(string name, RuleFile file, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<MessageTemplate> messages, IReadOnlyList<int> topLevel,
        IReadOnlyDictionary<int, IReadOnlyList<int>> children, Func<object?[], RuleRun, bool> fast, Lazy<Action<object?[], RuleRun>> guarded)
    {
        Name = name;
        File = file;
        _rules = rules;
        _messages = messages;
        _topLevel = topLevel;
        _children = children;
        _fast = fast;
        _guarded = guarded;
    }

    /// <summary>The workflow name.</summary>
    public string Name { get; }

    /// <summary>The rule file, with its hash.</summary>
    public RuleFile File { get; }

    /// <summary>The top-level rules, in file order.</summary>
    public IEnumerable<RuleDefinition> Rules => _topLevel.Select(i => _rules[i]);

    /// <summary>A run to reuse across lines with <see cref="Evaluate(object?[], RuleRun)"/>.</summary>
    public RuleRun NewRun() => new(_rules, _messages, _topLevel, _children);

    /// <summary>Evaluates every rule on one line's inputs (in the plugin's declared order) into a reused run.</summary>
    public void Evaluate(object?[] inputs, RuleRun run)
    {
        run.Reset();
        if (_fast(inputs, run))
            return;
        // Something threw: again, each rule guarded, so that the one that threw fails alone (FastPath).
        run.Reset();
        _guarded.Value(inputs, run);
    }

    /// <summary>Evaluates every rule on one line and returns each top-level outcome (convenient, allocates).</summary>
    public IReadOnlyList<RuleOutcome> Evaluate(object?[] inputs)
    {
        var run = NewRun();
        Evaluate(inputs, run);
        return run.Outcomes();
    }
}
