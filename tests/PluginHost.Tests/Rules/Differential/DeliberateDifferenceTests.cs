using System.Text;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Rules.Model;
using RulesEngine.Models;
using StockRulesEngine = RulesEngine.RulesEngine;

namespace PluginHost.Tests.Rules.Differential;

/// <summary>
/// What our engine refuses at load on purpose although stock RulesEngine registers and runs it: reflection, endless or
/// unbounded sequence builders, a constant part that cannot be computed, a nested rule whose nested rules are all
/// disabled, an Operator in the wrong case. Each is shown running in RulesEngine (no exception, a result for the rule)
/// and refused by ours with an error problem: at reading (the file is then never used, as RuleSetProvider does) or
/// by RuleCompiler.Compile returning no workflow.
/// </summary>
public sealed class DeliberateDifferenceTests
{
    private static readonly RuleInput[] Inputs =
    [
        new("order", typeof(Order), "the order"),
        new("customer", typeof(Customer), "the order's customer"),
    ];

    /// <summary>A difference: the rule JSON, what RulesEngine says of it on a plain line (null: it fails with an exception message), and the code ours refuses it with.</summary>
    private sealed record Difference(string What, string Rule, bool? StockPasses, string Code, string GlobalParams = "[]");

    private static readonly Difference[] Differences =
    [
        new("reflection through GetType", """{ "RuleName": "R", "Expression": "order.GetType().Name == \"Order\"" }""", true, "RULE030"),
        new("Enumerable.Range", """{ "RuleName": "R", "Expression": "Enumerable.Range(1, 3).Sum() == 6" }""", true, "RULE030"),
        new("Enumerable.Repeat", """{ "RuleName": "R", "Expression": "Enumerable.Repeat(\"a\", 2).Count() == 2" }""", true, "RULE030"),
        new("a constant date that cannot be computed", """{ "RuleName": "R", "Expression": "order.OrderDate < DateOnly(2026, 13, 1)" }""", null, "RULE033"),
        new("a constant part that cannot be computed, in the branch of iif that RulesEngine never takes here", """{ "RuleName": "R", "Expression": "iif(order.Quantity > 0, order.Quantity, DateOnly(2026, 13, 1).Day) > 0" }""", true, "RULE033"),
        new("a constant GlobalParam that cannot be computed", """{ "RuleName": "R", "Expression": "order.OrderDate < From" }""", null, "RULE033", """[ { "Name": "From", "Expression": "DateOnly(2026, 2, 30)" } ]"""),
        new("a nested rule whose nested rules are all disabled", """{ "RuleName": "R", "Operator": "And", "Rules": [ { "RuleName": "Off", "Expression": "true", "Enabled": false } ] }""", false, "RULE004"),
        new("an Operator in the wrong case", """{ "RuleName": "R", "Operator": "and", "Rules": [ { "RuleName": "A", "Expression": "true" }, { "RuleName": "B", "Expression": "true" } ] }""", false, "RULE006"),
        new("an Operator in the wrong case, with an Expression that RulesEngine then runs instead", """{ "RuleName": "R", "Operator": "orElse", "Expression": "order.Quantity == 2", "Rules": [ { "RuleName": "A", "Expression": "false" } ] }""", true, "RULE006"),
    ];

    [Fact]
    public async Task DeliberateDifferencesAreRefusedAtLoadWhereRulesEngineRunsThem()
    {
        var line = LineGenerator.EdgeLines().First(l => l.Order.Quantity == 2);
        var failures = new StringBuilder();
        foreach (var difference in Differences)
        {
            var json = $$"""[ { "WorkflowName": "W", "GlobalParams": {{difference.GlobalParams}}, "Rules": [ {{difference.Rule}} ] } ]""";
            var (file, readProblems) = RuleFileReader.Read("deliberate.json", Encoding.UTF8.GetBytes(json));
            Assert.NotNull(file);

            // RulesEngine registers the workflow and runs it without throwing.
            List<RuleResultTree> results;
            try
            {
                var stock = new StockRulesEngine(file.ToModels(), new ReSettings());
                results = await stock.ExecuteAllRulesAsync("W", new RuleParameter("order", line.Order), new RuleParameter("customer", line.Customer));
            }
            catch (Exception ex)
            {
                failures.Append(difference.What).Append(": RulesEngine threw ").Append(ex.GetType().Name).Append(": ").Append(ex.Message).Append('\n');
                continue;
            }
            var result = Assert.Single(results);
            if (difference.StockPasses is { } passes && result.IsSuccess != passes)
                failures.Append(difference.What).Append(": RulesEngine gave IsSuccess=").Append(result.IsSuccess).Append(" (").Append(result.ExceptionMessage).Append(")\n");
            if (difference.StockPasses is null && (result.IsSuccess || string.IsNullOrEmpty(result.ExceptionMessage)))
                failures.Append(difference.What).Append(": RulesEngine should fail it with an exception on every line, gave IsSuccess=").Append(result.IsSuccess).Append('\n');

            // Ours refuses it at load, with an error of the expected code.
            var (workflow, compileProblems) = RuleCompiler.Compile(file, "W", Inputs);
            var refused = readProblems.HasErrors() || (workflow is null && compileProblems.HasErrors());
            var problems = readProblems.Concat(compileProblems).ToList();
            if (!refused)
                failures.Append(difference.What).Append(": our engine loads it (problems: ").Append(string.Join("; ", problems)).Append(")\n");
            else if (!problems.Any(p => p.IsError && p.Code == difference.Code))
                failures.Append(difference.What).Append(": our engine refuses it, but not with ").Append(difference.Code).Append(": ").Append(string.Join("; ", problems)).Append('\n');
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public async Task AnActionOverALocalParamThatIsNullGivesNullWhereRulesEngineCannotTypeTheNull()
    {
        // RulesEngine types an action's inputs by their values at run time, so a null LocalParam becomes 'Object' and
        // "Disc * 2" no longer parses; ours types it as written (a decimal that may be empty), so the value is null.
        const string Json = """[ { "WorkflowName": "W", "Rules": [ { "RuleName": "R", "LocalParams": [ { "Name": "Disc", "Expression": "order.Discount" } ], "Expression": "false", "Actions": { "OnFailure": { "Name": "OutputExpression", "Context": { "Expression": "Disc * 2" } } } } ] } ]""";
        var line = LineGenerator.EdgeLines().First(l => l.Order.Discount is null);
        var (file, readProblems) = RuleFileReader.Read("null-local.json", Encoding.UTF8.GetBytes(Json));
        Assert.Empty(readProblems);

        var stock = await new StockRulesEngine(file!.ToModels(), new ReSettings()).ExecuteAllRulesAsync("W", new RuleParameter("order", line.Order), new RuleParameter("customer", line.Customer));
        var (ours, problems) = RuleCompiler.Compile(file, "W", Inputs);

        Assert.Contains("'Object'", Assert.Single(stock).ActionResult.Exception?.Message, StringComparison.Ordinal);
        Assert.Empty(problems);
        var outcome = Assert.Single(ours!.Evaluate([line.Order, line.Customer]));
        Assert.True(outcome.HasOutput);
        Assert.Null(outcome.Output);
    }
}
