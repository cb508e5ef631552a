using System.Runtime.CompilerServices;
using System.Text.Json;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Rules.Model;
using PluginHost.Tests.Support;
using RulesEngine.Models;
using Xunit.Abstractions;
using StockRulesEngine = RulesEngine.RulesEngine;

namespace PluginHost.Tests.Rules.Differential;

/// <summary>
/// The shipped rule files (rules/*.json) and the golden rule files that have lines (Golden/NAME.rules.json with
/// NAME.lines.json) run through stock RulesEngine and through our engine on the real plugins' own input objects:
/// the golden lines (via <see cref="PluginInputs.FromJson"/>) and generated ones, with the same outcome for every rule.
/// </summary>
public sealed class PluginRuleFileDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] ShippedPlugins = ["output-reversal", "return-credit", "invoice-correction"];

    private static readonly Lazy<IReadOnlyList<LoadedPlugin>> Plugins = new(() =>
    {
        var catalog = TestHost.With(Path.Combine(Path.GetTempPath(), "unused.db")).Plugins;
        return [.. ShippedPlugins.Select(name => catalog.Find(name) ?? throw new InvalidOperationException($"plugin {name} did not load: {catalog.FailureOf(name)}"))];
    });

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var plugin in ShippedPlugins)
            data.Add($"rules/{plugin}.json");
        foreach (var rules in Directory.GetFiles(GoldenFolder(), "*.rules.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(rules)[..^".rules.json".Length];
            if (!File.Exists(Path.Combine(GoldenFolder(), name + ".lines.json")))
                continue;
            // A golden file whose expected output starts with an error does not load in our engine: nothing to compare.
            var expected = Path.Combine(GoldenFolder(), name + ".expected.txt");
            if (File.Exists(expected) && File.ReadLines(expected).FirstOrDefault() is { } first && first.Contains(": error ", StringComparison.Ordinal))
                continue;
            // RulesEngine follows WorkflowsToInject without remembering where it has been: a cycle recurses until the
            // stack overflows, which would end the test run. Ours adds each workflow once.
            if (HasInjectionCycle(RulesEngineDifferentialTests.ReadWithoutProblems(rules)))
                continue;
            data.Add($"Golden/{name}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public async Task EveryShippedAndGoldenRuleFileHasTheSameOutcomesAsInRulesEngineOnThePluginsOwnInputs(string ruleFile)
    {
        var shipped = ruleFile.StartsWith("rules/", StringComparison.Ordinal);
        var pluginName = shipped ? Path.GetFileNameWithoutExtension(ruleFile) : "output-reversal";
        var plugin = Plugins.Value.Single(p => p.Name == pluginName);
        var inputs = plugin.Instance.RuleInputs;
        var path = shipped ? Path.Combine(RepoRoot(), ruleFile) : Path.Combine(GoldenFolder(), Path.GetFileName(ruleFile) + ".rules.json");

        var file = RulesEngineDifferentialTests.ReadWithoutProblems(path);
        // The workflow our host runs: the one named like the plugin, else the file's only one.
        var workflowName = (file.Workflows.FirstOrDefault(w => string.Equals(w.Name, pluginName, StringComparison.OrdinalIgnoreCase)) ?? file.Workflows.Single()).Name;
        var ours = RulesEngineDifferentialTests.CompileWithoutProblems(file, workflowName, inputs);
        var stock = new StockRulesEngine(file.ToModels(), new ReSettings());

        var lines = new List<object?[]>();
        var goldenLines = shipped ? null : Path.Combine(GoldenFolder(), Path.GetFileName(ruleFile) + ".lines.json");
        if (goldenLines is not null)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(goldenLines));
            var fromJson = new PluginInputs(plugin);
            lines.AddRange(json.RootElement.EnumerateArray().Select(fromJson.FromJson));
        }
        lines.AddRange(PluginLineGenerator.Lines(inputs, count: 1000));

        var comparison = new OutcomeComparison($"'{workflowName}' ({ruleFile})");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var parameters = Parameters(inputs, line);
            var expected = await stock.ExecuteAllRulesAsync(workflowName, parameters);
            var actual = ours.Evaluate(line);
            comparison.Line(i, () => Describe(inputs.Select(input => input.Name), line), expected, actual);
        }

        output.WriteLine(comparison.Summary());
        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        comparison.AssertNone();
    }

    [Fact]
    public void EveryShippedRuleFileRegistersInRulesEngine()
    {
        foreach (var plugin in ShippedPlugins)
        {
            var file = RulesEngineDifferentialTests.ReadWithoutProblems(Path.Combine(RepoRoot(), "rules", plugin + ".json"));
            var stock = new StockRulesEngine(file.ToModels(), new ReSettings());
            Assert.Contains(plugin, stock.GetAllRegisteredWorkflowNames());
        }
    }

    /// <summary>
    /// The inputs as RulesEngine parameters by their names, and by RulesEngine's positional names input1, input2 ... too:
    /// our engine gives every rule both names (deliberately, so a file written for ExecuteAllRulesAsync(workflow, params
    /// object[]) runs unchanged), so RulesEngine is given both to compare like with like.
    /// </summary>
    private static RuleParameter[] Parameters(IReadOnlyList<RuleInput> inputs, object?[] line)
    {
        var parameters = inputs.Select((input, n) => new RuleParameter(input.Name, line[n])).ToList();
        for (var n = 0; n < inputs.Count; n++)
        {
            if (!string.Equals(inputs[n].Name, $"input{n + 1}", StringComparison.OrdinalIgnoreCase))
                parameters.Add(new RuleParameter($"input{n + 1}", line[n]));
        }
        return [.. parameters];
    }

    private static bool HasInjectionCycle(RuleFile file)
    {
        var byName = file.Workflows.GroupBy(w => w.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        bool Visit(string name, HashSet<string> path)
        {
            if (!path.Add(name))
                return true;
            var cycle = byName.TryGetValue(name, out var workflow) && workflow.WorkflowsToInject.Any(next => Visit(next, path));
            path.Remove(name);
            return cycle;
        }
        return file.Workflows.Any(w => Visit(w.Name, new HashSet<string>(StringComparer.Ordinal)));
    }

    private static string Describe(IEnumerable<string> names, object?[] line) =>
        "{" + string.Join(", ", names.Zip(line).Select(p => $"\"{p.First}\": {JsonSerializer.Serialize(p.Second, p.Second?.GetType() ?? typeof(object), RulesEngineDifferentialTests.LineJson)}")) + "}";

    private static string RepoRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", ".."));

    private static string GoldenFolder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "..", "Golden");
}
