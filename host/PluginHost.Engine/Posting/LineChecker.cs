using System.Runtime.ExceptionServices;
using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Compilation;

namespace PluginHost.Engine.Posting;

/// <summary>
/// Runs the fact look-ups of a plugin and its rules over the lines of one batch, in workbook order, a chunk at a time,
/// collecting every failure (all rules on all lines, never stopping at the first). One checker serves one batch: its
/// facts object keeps what earlier lines claimed.
/// </summary>
internal sealed class LineChecker
{
    public sealed record Checked(IReadOnlyList<PostingLine> Lines, IReadOnlyList<Problem> Problems, IReadOnlyList<RuleNote> Notes);

    /// <summary>What the plugin looked up ahead for a chunk, or how it failed doing so.</summary>
    public sealed record LookedAhead(object? Found, ExceptionDispatchInfo? Failure);

    private readonly LoadedPlugin _plugin;
    private readonly CompiledWorkflow _rules;
    private readonly string _file;
    private readonly IBatchFacts _facts;
    private readonly Rules.Runtime.RuleRun _run;
    private readonly object?[] _values;
    private readonly Dictionary<string, RuleFault> _faults = new(StringComparer.Ordinal);
    private int _evaluated;

    /// <summary>
    /// How a rule, or a GlobalParam that failed every rule, threw on the lines of the batch: on how many, whether always
    /// with the same exception, and whether a rule of severity Error was failed by it.
    /// </summary>
    public sealed record RuleFault(string? Rule, string? GlobalParam, int Lines, string Exception, bool Varied, bool Refuses, int LastRow);

    private LineChecker(LoadedPlugin plugin, CompiledWorkflow rules, IBatchFacts facts, string file, string language)
    {
        _plugin = plugin;
        _rules = rules;
        _facts = facts;
        _file = file;
        _run = rules.NewRun();
        _run.Language = language;
        // One inputs array for every line: a run is read (failures, notes) before the next line is evaluated.
        _values = new object?[plugin.Instance.RuleInputs.Count];
    }

    /// <summary>
    /// Starts the look-ups of one batch in <paramref name="ledger"/>, rule failures told in <paramref name="language"/>; a
    /// plugin that throws raises <see cref="PluginFailureException"/>.
    /// </summary>
    public static LineChecker Begin(LoadedPlugin plugin, CompiledWorkflow rules, ILedgerReader ledger, string file, string language) =>
        new(plugin, rules, PluginCall.Guard(plugin, "starting the fact look-ups", () => plugin.Instance.BeginBatch(ledger)), file, language);

    /// <summary>Whether the facts look up a set of lines at once, before their first line (<see cref="IBatchFactsPrefetch"/>).</summary>
    public bool Prefetches => _facts is IBatchFactsPrefetch;

    /// <summary>Whether the facts' look-ups can be made ahead, on another thread (<see cref="IBatchFactsLookAhead"/>).</summary>
    public bool LooksAhead => _facts is IBatchFactsLookAhead;

    /// <summary>
    /// Makes the look-ups of the next chunk, on the reading thread, in <paramref name="ledger"/> (a snapshot connection of
    /// that thread's own). A plugin that throws is not raised here but carried to <see cref="Check"/> of the same lines, so
    /// that it fails the batch on the posting thread, at the same point as a prefetch that throws.
    /// </summary>
    public LookedAhead LookAhead(IReadOnlyList<JournalLine> lines, ILedgerReader ledger)
    {
        var facts = (IBatchFactsLookAhead)_facts;
        try
        {
            return new LookedAhead(lines.Count == 0 ? null : PluginCall.Guard(_plugin, "looking up facts ahead for the next lines", () => facts.LookAhead(lines, ledger)), null);
        }
        catch (PluginFailureException ex)
        {
            return new LookedAhead(null, ExceptionDispatchInfo.Capture(ex));
        }
    }

    /// <summary>Checks the next lines of the batch; a plugin that throws or returns facts of the wrong shape raises <see cref="PluginFailureException"/>.</summary>
    /// <param name="lines">The next lines, in workbook order.</param>
    /// <param name="clock">Charged with the look-ups and the rules.</param>
    /// <param name="ahead">What <see cref="LookAhead"/> found for these lines, or null to prefetch them here.</param>
    public Checked Check(IReadOnlyList<JournalLine> lines, StageClock clock, LookedAhead? ahead = null)
    {
        var plugin = _plugin;
        var inputs = plugin.Instance.RuleInputs;
        if (ahead is not null)
        {
            ahead.Failure?.Throw();
            var lookAhead = (IBatchFactsLookAhead)_facts;
            PluginCall.Guard(plugin, "taking the facts looked up ahead", () => { lookAhead.UseLookAhead(ahead.Found); return 0; });
        }
        else if (_facts is IBatchFactsPrefetch prefetch && lines.Count > 0)
            PluginCall.Guard(plugin, "looking up facts for the whole batch", () => { prefetch.Prefetch(lines); return 0; });
        var problems = new List<Problem>();
        var notes = new List<RuleNote>();
        var checkedLines = new List<PostingLine>(lines.Count);
        var run = _run;
        var values = _values;
        foreach (var line in lines)
        {
            var lineFacts = PluginCall.Guard(plugin, "looking up facts for row", line.Row, (facts: _facts, line), static s => s.facts.FactsFor(s.line));
            CheckShape(plugin, inputs, lineFacts, line.Row);
            clock.Lap(PostingStage.Lookups);
            values[0] = line;
            for (var i = 1; i < inputs.Count; i++)
                values[i] = lineFacts[i - 1];
            _rules.Evaluate(values, run);
            _evaluated++;
            if (run.AnyFailed)
            {
                var refused = false;
                foreach (var outcome in run.Failures())
                {
                    if (outcome.Exception is { } thrown)
                        CountFault(outcome, thrown.Message, line.Row);
                    refused |= outcome.Rule.Severity == Severity.Error;
                    problems.Add(new Problem(outcome.Rule.Severity, outcome.Rule.Name, outcome.Message ?? $"Rule {outcome.Rule.Name} failed.",
                        new SourceLocation { File = _file, Sheet = line.Sheet, Row = line.Row, Rule = outcome.Rule.Name, Workflow = _rules.Name, Fields = outcome.Exception is null ? RuleFields.Of(outcome.Rule, plugin.Instance.Schema.LineType) : [] }));
                }
                if (refused && _facts is IBatchFactsFeedback feedback)
                {
                    clock.Lap(PostingStage.Rules);
                    PluginCall.Guard(plugin, $"un-claiming refused row {line.Row}", () => { feedback.Refused(line); return 0; });
                    clock.Lap(PostingStage.Lookups);
                }
            }
            if (run.HasNotes)
                notes.AddRange(NotesOf(line.Row, run, _run.Language));
            checkedLines.Add(new PostingLine(line, lineFacts));
            clock.Lap(PostingStage.Rules);
        }
        Array.Clear(values); // the last line and its facts are not kept alive by the checker
        return new Checked(checkedLines, problems, notes);
    }

    private void CountFault(Rules.Runtime.RuleOutcome outcome, string exception, int row)
    {
        // A GlobalParam that threw fails every rule: one fault of its own, counted once a line.
        var key = outcome.GlobalParam is { } global ? "GlobalParam " + global : "rule " + outcome.Rule.Name;
        var refuses = outcome.Rule.Severity == Severity.Error;
        var fault = _faults.GetValueOrDefault(key);
        if (fault is null)
            _faults[key] = new RuleFault(outcome.GlobalParam is null ? outcome.Rule.Name : null, outcome.GlobalParam, 1, exception, false, refuses, row);
        else if (fault.LastRow != row)
            _faults[key] = fault with { Lines = fault.Lines + 1, Varied = fault.Varied || fault.Exception != exception, Refuses = fault.Refuses || refuses, LastRow = row };
        else
            _faults[key] = fault with { Refuses = fault.Refuses || refuses };
    }

    /// <summary>
    /// The rules and GlobalParams that threw on every line checked, always with the same exception: the fault is then the
    /// rule file's, not the workbook's. Needs two lines at least: one line failing tells nothing about the others.
    /// </summary>
    public IReadOnlyList<RuleFault> RulesThatThrewOnEveryLine() =>
        _evaluated < 2 ? [] : [.. _faults.Values.Where(f => f.Lines == _evaluated && !f.Varied).OrderBy(f => f.GlobalParam is null).ThenBy(f => f.Rule, StringComparer.Ordinal)];

    private static IEnumerable<RuleNote> NotesOf(int row, Rules.Runtime.RuleRun run, string language)
    {
        foreach (var outcome in run.Outcomes())
        {
            if (outcome.Event is { } name)
                yield return new RuleNote(row, outcome.Rule.Name, "event", name);
            if (outcome.HasOutput)
                yield return new RuleNote(row, outcome.Rule.Name, "output", Rules.Runtime.RuleText.Format(outcome.Output, language));
        }
    }

    private static void CheckShape(LoadedPlugin plugin, IReadOnlyList<RuleInput> inputs, IReadOnlyList<object?> facts, int row)
    {
        if (facts.Count != inputs.Count - 1)
            throw new PluginFailureException(plugin.Name, $"looking up facts for row {row}", $"it returned {facts.Count} facts, but declares {inputs.Count - 1} rule inputs after 'line'");
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is { } value && !inputs[i + 1].Type.IsInstanceOfType(value))
                throw new PluginFailureException(plugin.Name, $"looking up facts for row {row}", $"fact '{inputs[i + 1].Name}' is a {value.GetType().Name}, but the plugin declares {inputs[i + 1].Type.Name}");
        }
    }
}
