using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules.Runtime;

/// <summary>
/// Collects the outcomes of one evaluation of a workflow on one line. The generated code calls it; rules are
/// numbered in the order <see cref="Compilation.WorkflowSource"/> emitted them.
/// </summary>
public sealed class RuleRun
{
    private readonly IReadOnlyList<RuleDefinition> _rules;
    private readonly IReadOnlyList<Compilation.MessageTemplate> _messages;
    private readonly RuleOutcome?[] _outcomes;

    internal RuleRun(IReadOnlyList<RuleDefinition> rules, IReadOnlyList<Compilation.MessageTemplate> messages)
    {
        _rules = rules;
        _messages = messages;
        _outcomes = new RuleOutcome?[rules.Count];
    }

    /// <summary>The rule passed.</summary>
    public void Pass(int rule) => _outcomes[rule] = new RuleOutcome(_rules[rule], true, null, null);

    /// <summary>
    /// The rule failed, or threw (<paramref name="exception"/>: null, division by zero ...), which is a failure of
    /// that rule on this line, never a crash. <paramref name="values"/> fill the message's placeholders; a
    /// placeholder that threw holds its exception.
    /// </summary>
    public void Fail(int rule, object?[] values, Exception? exception)
    {
        var message = _messages[rule].Fill(values);
        if (exception is not null)
            message += $" (the rule could not be evaluated: {exception.GetType().Name}: {exception.Message})";
        _outcomes[rule] = new RuleOutcome(_rules[rule], false, message, exception);
    }

    /// <summary>A GlobalParam threw: every rule not yet decided fails with that cause.</summary>
    public void GlobalThrew(string parameter, Exception exception)
    {
        for (var i = 0; i < _outcomes.Length; i++)
            _outcomes[i] ??= new RuleOutcome(_rules[i], false, $"{_messages[i].Fill([])} (GlobalParam '{parameter}' could not be evaluated: {exception.GetType().Name}: {exception.Message})", exception);
    }

    /// <summary>The outcomes of the top-level rules, in file order.</summary>
    internal IEnumerable<RuleOutcome> Outcomes(IReadOnlyList<int> topLevel) => topLevel.Select(i => _outcomes[i]!);
}
