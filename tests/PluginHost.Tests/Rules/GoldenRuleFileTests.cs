using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Rules.Runtime;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Rules;

/// <summary>
/// Golden files (docs/rules.md): each <c>Golden/NAME.rules.json</c> is compiled against the real output-reversal plugin's
/// inputs; its diagnostics, or its outcomes on the lines of <c>NAME.lines.json</c>, must equal <c>NAME.expected.txt</c>.
/// A mismatch writes <c>NAME.received.txt</c> next to it for review.
/// </summary>
public sealed class GoldenRuleFileTests : TempFolderTest
{
    private static readonly Lazy<HostRuntime> Runtime = new(() => TestHost.Own(Path.Combine(Path.GetTempPath(), "unused.db")));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenFolder(), "*.rules.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file)[..^".rules.json".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RuleFileGivesItsExpectedDiagnosticsOrOutcomes(string name)
    {
        var actual = Run(name);

        GoldenFile.Verify(Path.Combine(GoldenFolder(), name + ".expected.txt"), Path.Combine(GoldenFolder(), name + ".received.txt"), actual, "(no expected file)");
    }

    private string Run(string name)
    {
        // Each case compiles from a folder of its own, as rules/output-reversal.json, so its hash and cache are its own.
        var rules = RuleFiles.Folder(Temp, File.ReadAllText(Path.Combine(GoldenFolder(), name + ".rules.json")));
        var runtime = Runtime.Value.WithRules(rules);
        var plugin = RuleFiles.OutputReversal(runtime);
        var (workflow, problems) = runtime.RulesFor(plugin);
        var text = new StringBuilder();
        foreach (var problem in problems)
            text.Append(problem.ToString().Replace(Path.Combine(rules, "output-reversal.json"), name + ".rules.json", StringComparison.Ordinal)).Append('\n');
        if (workflow is null)
            return text.ToString();

        var inputs = new PluginInputs(plugin);
        var linesPath = Path.Combine(GoldenFolder(), name + ".lines.json");
        if (!File.Exists(linesPath))
            return text.Append("compiled; no lines given\n").ToString();
        using var lines = JsonDocument.Parse(File.ReadAllText(linesPath));
        var number = 0;
        foreach (var line in lines.RootElement.EnumerateArray())
        {
            text.Append("line ").Append(++number).Append('\n');
            foreach (var outcome in workflow.Evaluate(inputs.FromJson(line)))
                text.Append("  ").Append(Describe(outcome)).Append('\n');
        }
        return text.ToString();
    }

    private static string Describe(RuleOutcome outcome)
    {
        var text = $"{outcome.Rule.Name} [{outcome.Rule.Severity}]: {(outcome.Passed ? "passed" : "failed: " + outcome.Message)}";
        if (outcome.Event is { } name)
            text += $" (event {name})";
        if (outcome.HasOutput)
            text += $" (output {RuleText.Format(outcome.Output)})";
        return text;
    }

    private static string GoldenFolder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Golden");
}
