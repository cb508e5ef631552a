using System.Collections;
using System.Globalization;
using System.Text;
using PluginHost.Engine.Rules.Runtime;
using RulesEngine.Models;

namespace PluginHost.Tests.Rules.Differential;

/// <summary>
/// Compares what stock RulesEngine and our engine said about one line: per top-level rule IsSuccess against Passed,
/// the same recursively for nested rules wherever RulesEngine has ChildResults, and the action outputs (numbers by
/// value; our exception-valued output against RulesEngine's ActionResult.Exception). Every difference becomes one
/// line of text naming the workflow, line, rule path and both outcomes.
/// </summary>
public sealed class OutcomeComparison(string workflow)
{
    private const int PerPath = 3;

    private readonly List<Mismatch> _mismatches = [];
    private readonly Dictionary<string, (int Passed, int Failed)> _tally = new(StringComparer.Ordinal);

    /// <summary>How many lines were compared.</summary>
    public int Lines { get; private set; }

    /// <summary>How many rule outcomes (nested ones included) were compared.</summary>
    public int Outcomes { get; private set; }

    /// <summary>How often each top-level rule passed and failed in RulesEngine: a rule that never fails (or never passes) tests little.</summary>
    public IReadOnlyDictionary<string, (int Passed, int Failed)> Tally => _tally;

    /// <summary>Every difference found so far.</summary>
    public IReadOnlyList<string> Mismatches => [.. _mismatches.Select(m => m.Text)];

    /// <summary>Compares the outcomes of one line; <paramref name="describeLine"/> is called only on a mismatch.</summary>
    public void Line(int index, Func<string> describeLine, IReadOnlyList<RuleResultTree> expected, IReadOnlyList<RuleOutcome> actual)
    {
        Lines++;
        foreach (var result in expected)
        {
            var (passed, failed) = _tally.GetValueOrDefault(result.Rule.RuleName);
            _tally[result.Rule.RuleName] = result.IsSuccess ? (passed + 1, failed) : (passed, failed + 1);
        }
        var mismatches = new List<(string Path, string Text)>();
        CompareLists("", expected, actual, mismatches);
        if (mismatches.Count == 0)
            return;
        var line = describeLine();
        _mismatches.AddRange(mismatches.Select(m => new Mismatch(m.Path, $"workflow {workflow}, line {index}, rule '{m.Path}': {m.Text}; the line: {line}")));
    }

    /// <summary>What was compared, for the test's output.</summary>
    public string Summary() =>
        $"{workflow}: {Lines} lines, {Outcomes} rule outcomes compared, {_mismatches.Count} mismatches\n"
        + string.Concat(_tally.Select(t => $"  {t.Key}: passed {t.Value.Passed}, failed {t.Value.Failed} in RulesEngine\n"));

    /// <summary>Fails with every mismatch when there is any: the first few of each rule path.</summary>
    public void AssertNone()
    {
        if (_mismatches.Count == 0)
            return;
        var text = new StringBuilder();
        var byPath = _mismatches.GroupBy(m => m.Path, StringComparer.Ordinal).ToList();
        text.Append(CultureInfo.InvariantCulture, $"{_mismatches.Count} mismatches between RulesEngine and our engine in workflow {workflow} over {Lines} lines, ");
        text.Append(CultureInfo.InvariantCulture, $"at rule paths: {string.Join(", ", byPath.Select(g => $"{g.Key} ({g.Count()} lines)"))}\n");
        foreach (var group in byPath)
            foreach (var mismatch in group.Take(PerPath))
                text.Append("- ").Append(mismatch.Text).Append('\n');
        Assert.Fail(text.ToString());
    }

    private void CompareLists(string parent, IEnumerable<RuleResultTree> expectedResults, IReadOnlyList<RuleOutcome> actual, List<(string Path, string Text)> mismatches)
    {
        var expected = expectedResults.ToList();
        var expectedNames = expected.Select(e => e.Rule.RuleName).ToList();
        var actualNames = actual.Select(a => a.Rule.Name).ToList();
        if (!expectedNames.SequenceEqual(actualNames, StringComparer.Ordinal))
        {
            mismatches.Add((parent.Length == 0 ? "(workflow)" : parent, $"RulesEngine has the rules [{string.Join(", ", expectedNames)}], ours [{string.Join(", ", actualNames)}]"));
            return;
        }
        for (var i = 0; i < expected.Count; i++)
            Compare(parent.Length == 0 ? expectedNames[i] : $"{parent}/{expectedNames[i]}", expected[i], actual[i], mismatches);
    }

    private void Compare(string path, RuleResultTree expected, RuleOutcome actual, List<(string Path, string Text)> mismatches)
    {
        Outcomes++;
        if (expected.ExceptionMessage is { } compileError
            && (compileError.StartsWith("Exception while parsing expression", StringComparison.Ordinal) || compileError.StartsWith("Error while compiling rule", StringComparison.Ordinal)))
            mismatches.Add((path, $"RulesEngine could not compile it, so the comparison means nothing: {compileError}"));
        if (expected.IsSuccess != actual.Passed)
            mismatches.Add((path, $"outcome differs: RulesEngine {Describe(expected)}; ours {Describe(actual)}"));
        if (!SameAction(expected.ActionResult, actual, out var why))
            mismatches.Add((path, $"action output differs ({why}): RulesEngine {Describe(expected)}; ours {Describe(actual)}"));
        if (expected.ChildResults is { } children)
            CompareLists(path, children, actual.Children, mismatches);
    }

    private sealed record Mismatch(string Path, string Text);

    private static bool SameAction(ActionResult? expected, RuleOutcome actual, out string why)
    {
        var expectedThrew = expected?.Exception is not null;
        var actualThrew = actual.HasOutput && actual.Output is Exception;
        if (expectedThrew || actualThrew)
        {
            why = expectedThrew ? "RulesEngine's action threw" : "our action threw";
            return expectedThrew == actualThrew;
        }
        why = "different values";
        return SameValue(expected?.Output, actual.HasOutput ? actual.Output : null);
    }

    /// <summary>Equal values, numbers compared by value whatever their type, sequences item by item.</summary>
    public static bool SameValue(object? expected, object? actual)
    {
        if (expected is null || actual is null)
            return expected is null && actual is null;
        if (IsNumber(expected) && IsNumber(actual))
        {
            if (expected is double or float || actual is double or float)
            {
                var a = Convert.ToDouble(expected, CultureInfo.InvariantCulture);
                var b = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
                return a.Equals(b);
            }
            return Convert.ToDecimal(expected, CultureInfo.InvariantCulture) == Convert.ToDecimal(actual, CultureInfo.InvariantCulture);
        }
        if (expected is string s1 && actual is string s2)
            return string.Equals(s1, s2, StringComparison.Ordinal);
        if (expected is IEnumerable e1 and not string && actual is IEnumerable e2 and not string)
        {
            var l1 = e1.Cast<object?>().ToList();
            var l2 = e2.Cast<object?>().ToList();
            return l1.Count == l2.Count && l1.Zip(l2).All(p => SameValue(p.First, p.Second));
        }
        return expected.Equals(actual);
    }

    private static bool IsNumber(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static string Describe(RuleResultTree result)
    {
        var text = $"IsSuccess={result.IsSuccess}";
        if (!string.IsNullOrEmpty(result.ExceptionMessage))
            text += $", ExceptionMessage=\"{Shorten(result.ExceptionMessage)}\"";
        if (result.ActionResult?.Exception is { } exception)
            text += $", ActionResult.Exception=\"{Shorten(exception.Message)}\"";
        else if (result.ActionResult?.Output is { } output)
            text += $", ActionResult.Output={Format(output)}";
        return text;
    }

    private static string Describe(RuleOutcome outcome)
    {
        var text = $"Passed={outcome.Passed}";
        if (outcome.Exception is { } exception)
            text += $", Exception={exception.GetType().Name}: \"{Shorten(exception.Message)}\"";
        if (outcome.HasOutput)
            text += $", Output={Format(outcome.Output)}";
        return text;
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        Exception e => $"{e.GetType().Name}(\"{Shorten(e.Message)}\")",
        string s => $"\"{s}\"",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };

    private static string Shorten(string text) => text.Length <= 200 ? text.ReplaceLineEndings(" ") : text[..200].ReplaceLineEndings(" ") + "...";
}
