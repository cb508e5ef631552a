using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Compilation;

namespace PluginHost.Engine.Posting;

/// <summary>
/// Runs the fact look-ups of a plugin and its rules over every line, in workbook order, collecting every
/// failure (all rules on all lines, never stopping at the first).
/// </summary>
internal static class LineChecker
{
    public sealed record Checked(IReadOnlyList<PostingLine> Lines, IReadOnlyList<Problem> Problems, IReadOnlyList<RuleNote> Notes);

    /// <summary>Checks the lines; a plugin that throws or returns facts of the wrong shape raises <see cref="PluginFailureException"/>.</summary>
    public static Checked Check(LoadedPlugin plugin, CompiledWorkflow rules, IReadOnlyList<JournalLine> lines, ILedgerReader ledger, string file, StageClock? clock = null)
    {
        clock ??= StageClock.None;
        var inputs = plugin.Instance.RuleInputs;
        var facts = PluginCall.Guard(plugin, "starting the fact look-ups", () => plugin.Instance.BeginBatch(ledger));
        if (facts is IBatchFactsPrefetch prefetch)
            PluginCall.Guard(plugin, "looking up facts for the whole batch", () => { prefetch.Prefetch(lines); return 0; });
        var problems = new List<Problem>();
        var notes = new List<RuleNote>();
        var checkedLines = new List<PostingLine>(lines.Count);
        var run = rules.NewRun();
        // One inputs array for every line: a run is read (failures, notes) before the next line is evaluated.
        var values = new object?[inputs.Count];
        foreach (var line in lines)
        {
            var lineFacts = PluginCall.Guard(plugin, "looking up facts for row", line.Row, (facts, line), static s => s.facts.FactsFor(s.line));
            CheckShape(plugin, inputs, lineFacts, line.Row);
            clock.Lap(PostingStage.Lookups);
            values[0] = line;
            for (var i = 1; i < inputs.Count; i++)
                values[i] = lineFacts[i - 1];
            rules.Evaluate(values, run);
            if (run.AnyFailed)
            {
                var refused = false;
                foreach (var outcome in run.Failures())
                {
                    refused |= outcome.Rule.Severity == Severity.Error;
                    problems.Add(new Problem(outcome.Rule.Severity, outcome.Rule.Name, outcome.Message ?? $"Rule {outcome.Rule.Name} failed.",
                        new SourceLocation { File = file, Sheet = line.Sheet, Row = line.Row, Rule = outcome.Rule.Name, Workflow = rules.Name, Fields = outcome.Exception is null ? RuleFields.Of(outcome.Rule, plugin.Instance.Schema.LineType) : [] }));
                }
                if (refused && facts is IBatchFactsFeedback feedback)
                {
                    clock.Lap(PostingStage.Rules);
                    PluginCall.Guard(plugin, $"un-claiming refused row {line.Row}", () => { feedback.Refused(line); return 0; });
                    clock.Lap(PostingStage.Lookups);
                }
            }
            if (run.HasNotes)
                notes.AddRange(NotesOf(line.Row, run));
            checkedLines.Add(new PostingLine(line, lineFacts));
            clock.Lap(PostingStage.Rules);
        }
        return new Checked(checkedLines, problems, notes);
    }

    private static IEnumerable<RuleNote> NotesOf(int row, Rules.Runtime.RuleRun run)
    {
        foreach (var outcome in run.Outcomes())
        {
            if (outcome.Event is { } name)
                yield return new RuleNote(row, outcome.Rule.Name, "event", name);
            if (outcome.HasOutput)
                yield return new RuleNote(row, outcome.Rule.Name, "output", Rules.Runtime.RuleText.Format(outcome.Output));
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
