using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Rules.Model;
using RulesEngine.Models;
using Xunit.Abstractions;
using StockRulesEngine = RulesEngine.RulesEngine;

namespace PluginHost.Tests.Rules.Differential;

/// <summary>
/// Differential tests: each workflow of <c>Differential/Workflows</c>, written in RulesEngine's own style, runs through
/// stock Microsoft RulesEngine 6.0.1 (<c>ExecuteAllRulesAsync</c>) and through our engine over the same generated
/// lines, and every rule, every nested rule and every action output must come out the same.
/// </summary>
public sealed class RulesEngineDifferentialTests(ITestOutputHelper output)
{
    private static readonly RuleInput[] NamedInputs =
    [
        new("order", typeof(Order), "the order"),
        new("customer", typeof(Customer), "the order's customer"),
    ];

    // RulesEngine's own naming, as ExecuteAllRulesAsync(workflow, params object[]) gives it: input1, input2.
    private static readonly RuleInput[] PositionalInputs =
    [
        new("input1", typeof(Order), "the order"),
        new("input2", typeof(Customer), "the order's customer"),
    ];

    private static readonly string[] PositionalFiles = ["positional-inputs.json"];

    internal static readonly JsonSerializerOptions LineJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TheoryData<string> WorkflowFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(WorkflowFolder(), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void ThereAreAtLeastTenWorkflowFiles() => Assert.True(WorkflowFiles().Count >= 10, $"only {WorkflowFiles().Count} workflow files in {WorkflowFolder()}");

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task EveryRuleAndNestedRuleHasTheSameOutcomeAsInRulesEngine(string workflowFile)
    {
        var file = ReadWithoutProblems(Path.Combine(WorkflowFolder(), workflowFile));
        var inputs = PositionalFiles.Contains(workflowFile, StringComparer.Ordinal) ? PositionalInputs : NamedInputs;
        var workflowName = file.Workflows[0].Name;
        var ours = CompileWithoutProblems(file, workflowName, inputs);
        // RulesEngine changes the workflows it is given when it injects, so it gets models of its own.
        var stock = new StockRulesEngine(file.ToModels(), new ReSettings());

        var lines = LineGenerator.Lines();
        var comparison = new OutcomeComparison($"'{workflowName}' ({workflowFile})");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var expected = await stock.ExecuteAllRulesAsync(workflowName, new RuleParameter(inputs[0].Name, line.Order), new RuleParameter(inputs[1].Name, line.Customer));
            var actual = ours.Evaluate([line.Order, line.Customer]);
            comparison.Line(i, () => JsonSerializer.Serialize(line, LineJson), expected, actual);
        }

        output.WriteLine(comparison.Summary());
        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        comparison.AssertNone();
    }

    /// <summary>
    /// A part that reads no input but is not the same on every line (the clock, a new Guid) is computed on each line by
    /// RulesEngine. Two lines are evaluated some milliseconds apart in both engines; where RulesEngine's outputs differ
    /// from one line to the next, ours must too.
    /// </summary>
    [Fact]
    public async Task AValueThatChangesFromLineToLineIsComputedForEachLineAsInRulesEngine()
    {
        const string json = """
            [ { "WorkflowName": "Clock", "Rules": [
              { "RuleName": "Now", "Expression": "true", "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "DateTime.Now.Ticks" } } } },
              { "RuleName": "NewGuid", "Expression": "true", "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "Guid.NewGuid()" } } } }
            ] } ]
            """;
        var (file, readProblems) = RuleFileReader.Read("clock.json", System.Text.Encoding.UTF8.GetBytes(json));
        Assert.False(readProblems.HasErrors(), string.Join("\n", readProblems));
        var ours = CompileWithoutProblems(file!, "Clock", NamedInputs);
        var stock = new StockRulesEngine(file!.ToModels(), new ReSettings());
        var line = LineGenerator.EdgeLines().First();

        var stockOutputs = new List<List<object?>>();
        var ourOutputs = new List<List<object?>>();
        for (var i = 0; i < 2; i++)
        {
            var results = await stock.ExecuteAllRulesAsync("Clock", new RuleParameter("order", line.Order), new RuleParameter("customer", line.Customer));
            stockOutputs.Add([.. results.Select(r => r.ActionResult?.Output)]);
            ourOutputs.Add([.. ours.Evaluate([line.Order, line.Customer]).Select(o => o.Output)]);
            await Task.Delay(30);
        }

        var failures = new List<string>();
        var rules = new[] { "Now", "NewGuid" };
        for (var r = 0; r < rules.Length; r++)
        {
            var stockChanges = !OutcomeComparison.SameValue(stockOutputs[0][r], stockOutputs[1][r]);
            var ourChanges = !OutcomeComparison.SameValue(ourOutputs[0][r], ourOutputs[1][r]);
            if (stockChanges != ourChanges)
                failures.Add($"workflow 'Clock', lines 0 and 1 (30 ms apart), rule '{rules[r]}': RulesEngine outputs {stockOutputs[0][r]} then {stockOutputs[1][r]}; ours {ourOutputs[0][r]} then {ourOutputs[1][r]}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void TheGeneratedLinesAreTheSameEveryRunAndCoverTheEdgeValues()
    {
        var lines = LineGenerator.Lines();

        Assert.Equal(JsonSerializer.Serialize(lines, LineJson), JsonSerializer.Serialize(LineGenerator.Lines(), LineJson));
        Assert.True(lines.Count >= 200);
        Assert.Contains(lines, l => l.Order.CustomerName is null);
        Assert.Contains(lines, l => l.Order.CustomerName == "");
        Assert.Contains(lines, l => l.Order.Code.Length == 0);
        Assert.Contains(lines, l => l.Order.Items is null);
        Assert.Contains(lines, l => l.Order.Items is { Count: 0 });
        Assert.Contains(lines, l => l.Order.Items is { Count: > 1 });
        Assert.Contains(lines, l => l.Order.Items?.Any(i => i.Quantity < 0) == true);
        Assert.Contains(lines, l => l.Order.Quantity == 0);
        Assert.Contains(lines, l => l.Order.Quantity < 0);
        Assert.Contains(lines, l => l.Order.Amount < 0);
        Assert.Contains(lines, l => l.Order.Amount == 0);
        Assert.Contains(lines, l => l.Order.Discount is null);
        Assert.Contains(lines, l => l.Order.Rating is null);
        Assert.Contains(lines, l => l.Order.ShipDate is null);
        Assert.Contains(lines, l => l.Order.OrderDate == DateOnly.MinValue);
        Assert.Contains(lines, l => l.Order.OrderDate == DateOnly.MaxValue);
        Assert.Contains(lines, l => l.Order.OrderDate == new DateOnly(2026, 11, 1));
        Assert.Contains(lines, l => l.Order.OrderDate == new DateOnly(2026, 10, 31));
        Assert.Contains(lines, l => l.Customer.Tags is null);
        Assert.Contains(lines, l => l.Customer.Tags is { Count: 0 });
        Assert.Contains(lines, l => l.Customer.Age < 0);
    }

    internal static RuleFile ReadWithoutProblems(string path)
    {
        var (file, problems) = RuleFileReader.Read(path);
        Assert.True(file is not null && !problems.HasErrors(), $"{path} does not read: {string.Join("\n", problems)}");
        return file!;
    }

    internal static CompiledWorkflow CompileWithoutProblems(RuleFile file, string workflowName, IReadOnlyList<RuleInput> inputs)
    {
        var (workflow, problems) = RuleCompiler.Compile(file, workflowName, inputs);
        Assert.True(workflow is not null && !problems.HasErrors(), $"{file.Path} workflow '{workflowName}' does not compile in our engine:\n{string.Join("\n", problems)}");
        return workflow!;
    }

    private static string WorkflowFolder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Workflows");
}
