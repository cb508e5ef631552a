using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules.Runtime;

/// <summary>
/// The outcomes of one evaluation of a workflow on one line. The generated code calls it; rules are numbered in the
/// order <see cref="WorkflowBuilder"/> built them. A run is reused line after line: passing rules cost no
/// allocation, and messages are formatted only for the rules that failed.
/// </summary>
public sealed class RuleRun
{
    private const byte Undecided = 0;
    private const byte Passed = 1;
    private const byte Failed = 2;

    private readonly IReadOnlyList<RuleDefinition> _rules;
    private readonly IReadOnlyList<MessageTemplate> _messages;
    private readonly IReadOnlyList<int> _topLevel;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<int>> _children;
    private readonly byte[] _state;
    private readonly object?[]?[] _values;
    private readonly Exception?[] _exceptions;
    private readonly string?[] _globals;
    private readonly object?[] _outputs;
    private readonly bool[] _hasOutput;
    private int _failures;
    private int _outputCount;

    internal RuleRun(IReadOnlyList<RuleDefinition> rules, IReadOnlyList<MessageTemplate> messages, IReadOnlyList<int> topLevel, IReadOnlyDictionary<int, IReadOnlyList<int>> children)
    {
        _children = children;
        _rules = rules;
        _messages = messages;
        _topLevel = topLevel;
        _state = new byte[rules.Count];
        _values = new object?[]?[rules.Count];
        _exceptions = new Exception?[rules.Count];
        _globals = new string?[rules.Count];
        _outputs = new object?[rules.Count];
        _hasOutput = new bool[rules.Count];
    }

    /// <summary>The language failures are told in (en, sv, nb): a rule's ErrorMessage in it, else its ErrorMessage.</summary>
    public string Language { get; set; } = "en";

    /// <summary>True when any top-level rule failed on this line.</summary>
    public bool AnyFailed
    {
        get
        {
            if (_failures == 0)
                return false;
            foreach (var rule in _topLevel)
                if (_state[rule] == Failed)
                    return true;
            return false;
        }
    }

    /// <summary>True when some top-level rule has something to show besides pass or fail (an output or a success event).</summary>
    public bool HasNotes => _topLevel.Any(i => _hasOutput[i] || (_state[i] == Passed && _rules[i].SuccessEvent is not null));

    /// <summary>Clears the run for the next line.</summary>
    public void Reset()
    {
        if (_failures > 0 || _outputCount > 0)
        {
            Array.Clear(_values);
            Array.Clear(_exceptions);
            Array.Clear(_globals);
            Array.Clear(_outputs);
            Array.Clear(_hasOutput);
        }
        Array.Clear(_state);
        _failures = 0;
        _outputCount = 0;
    }

    /// <summary>The rule passed.</summary>
    public void Pass(int rule) => _state[rule] = Passed;

    /// <summary>
    /// The rule failed, or threw (<paramref name="exception"/>: null, division by zero ...), which is a failure of
    /// that rule on this line, never a crash. <paramref name="values"/> fill the message's placeholders; a
    /// placeholder that threw holds its exception.
    /// </summary>
    public void Fail(int rule, object?[] values, Exception? exception)
    {
        _state[rule] = Failed;
        _values[rule] = values;
        _exceptions[rule] = exception;
        _failures++;
    }

    /// <summary>The value of a rule's OutputExpression action.</summary>
    public void Output(int rule, object? value)
    {
        _outputs[rule] = value;
        _hasOutput[rule] = true;
        _outputCount++;
    }

    /// <summary>The value of a rule's action on this line (null when it has none): what EvaluateRule hands back.</summary>
    public object? OutputOf(int rule) => _outputs[rule];

    /// <summary>
    /// A GlobalParam threw on this line: the rule fails with that cause, as every rule does in RulesEngine.
    /// <paramref name="values"/> fill the placeholders that read no GlobalParam.
    /// </summary>
    public void FailByGlobal(int rule, object?[] values, string parameter, Exception exception)
    {
        Fail(rule, values, exception);
        _globals[rule] = parameter;
    }

    /// <summary>The outcomes of the top-level rules, in file order.</summary>
    public IReadOnlyList<RuleOutcome> Outcomes() => _topLevel.Select(Outcome).ToList();

    /// <summary>The outcomes of the top-level rules that failed, in file order.</summary>
    public IEnumerable<RuleOutcome> Failures() => _topLevel.Where(i => _state[i] == Failed).Select(Outcome);

    private RuleOutcome Outcome(int rule)
    {
        // Nested rules that did not run (their parent's LocalParam threw) have no outcome, as in RulesEngine.
        var children = _children.TryGetValue(rule, out var nested) ? nested.Where(n => _state[n] != Undecided).Select(Outcome).ToList() : [];
        if (_state[rule] != Failed)
            return new RuleOutcome(_rules[rule], true, null, null) { HasOutput = _hasOutput[rule], Output = _outputs[rule], Children = children };
        var message = _messages[rule].Fill(_values[rule] ?? [], Language);
        // The cause, in the batch's language; .NET's own message stays as .NET gives it (in English).
        var text = Languages.HostText.For(Language);
        if (_exceptions[rule] is { } exception)
            message += $" ({(_globals[rule] is { } parameter ? text.Format("Rule.GlobalNotEvaluated", parameter, exception.Message) : text.Format("Rule.NotEvaluated", exception.Message))})";
        return new RuleOutcome(_rules[rule], false, message, _exceptions[rule])
        {
            HasOutput = _hasOutput[rule], Output = _outputs[rule], Children = children, GlobalParam = _globals[rule],
        };
    }
}
