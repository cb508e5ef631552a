using BenchmarkDotNet.Attributes;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Rules;
using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Benchmarks;

/// <summary>
/// Warm evaluation, one operation = one journal line: a single simple rule (target: at most 100 ns per line), and the
/// shipped output-reversal workflow on a reversal line that passes every rule, through PluginHost's compiled workflow
/// and, side by side, through stock RulesEngine 6.0.1's <c>ExecuteAllRulesAsync</c> on the same workflow and line
/// (target: ours at least 100 times faster).
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private CompiledWorkflow _simple = null!;
    private CompiledWorkflow _shipped = null!;
    private RuleRun _simpleRun = null!;
    private RuleRun _shippedRun = null!;
    private object?[] _forward = null!;
    private object?[] _reversal = null!;
    private RulesEngine.RulesEngine _stock = null!;
    private RulesEngine.Models.RuleParameter[] _stockInputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var plugin = BenchHost.OutputReversal();
        _simple = Compile(plugin, BenchHost.RulesFolderWith(BenchHost.SimpleRule));
        _shipped = Compile(plugin, BenchHost.RulesFolder);
        _simpleRun = _simple.NewRun();
        _shippedRun = _shipped.NewRun();
        var lineType = plugin.Instance.Schema.LineType;
        var appliedType = plugin.Instance.RuleInputs[1].Type;
        var noOperation = plugin.Instance.RuleInputs[2].Type.GetField("None")!.GetValue(null);
        _forward = [Line(lineType, 10m, 120m, null), appliedType.GetField("None")!.GetValue(null), noOperation];
        var applied = Activator.CreateInstance(appliedType)!;
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("Exists", true), ("EntryNo", 1L), ("EntryType", "Output"), ("ProdOrderNo", "PO-1"), ("ItemNo", "ITEM-1"), ("OperationNo", "10"), ("Quantity", 10m), ("Open", true),
                     ("RemainingInLedger", 10m), ("RemainingQuantity", 10m), ("CapacityEntryNo", 1L), ("RunTime", 120m), ("RemainingRunTime", 120m),
                 })
            appliedType.GetProperty(name)!.SetValue(applied, value);
        var operation = Activator.CreateInstance(plugin.Instance.RuleInputs[2].Type)!;
        operation.GetType().GetProperty("InLedger")!.SetValue(operation, 120m);
        operation.GetType().GetProperty("Posted")!.SetValue(operation, 120m);
        _reversal = [Line(lineType, -4m, -48m, 1L), applied, operation];
        // A failing rule allocates its message values: the line must pass every rule, or the benchmark measures a refusal.
        _shipped.Evaluate(_reversal, _shippedRun);
        if (_shippedRun.AnyFailed)
            throw new InvalidOperationException("the benchmark's reversal line fails a shipped rule: " + string.Join(", ", _shippedRun.Failures().Select(f => f.Rule.Name)));

        _stock = new RulesEngine.RulesEngine(_shipped.File.ToModels(), new RulesEngine.Models.ReSettings());
        _stockInputs = [.. plugin.Instance.RuleInputs.Select((input, i) => new RulesEngine.Models.RuleParameter(input.Name, _reversal[i]))];
        var stockFailures = _stock.ExecuteAllRulesAsync(_shipped.Name, _stockInputs).AsTask().GetAwaiter().GetResult().Where(r => !r.IsSuccess).ToList();
        if (stockFailures.Count > 0)
            throw new InvalidOperationException("stock RulesEngine fails the benchmark's reversal line: " + string.Join(", ", stockFailures.Select(f => $"{f.Rule.RuleName}: {f.ExceptionMessage}")));
    }

    private static object Line(Type type, decimal quantity, decimal runTime, long? appliesTo)
    {
        var line = Activator.CreateInstance(type)!;
        foreach (var (name, value) in new (string, object?)[]
                 {
                     ("Row", 2), ("PostingDate", new DateOnly(2026, 11, 2)), ("DocumentNo", "DOC-1"), ("ProdOrderNo", "PO-1"), ("ItemNo", "ITEM-1"),
                     ("OperationNo", "10"), ("OutputQuantity", quantity), ("RunTime", runTime), ("AppliesToEntry", appliesTo),
                 })
            type.GetProperty(name)!.SetValue(line, value);
        return line;
    }

    private static CompiledWorkflow Compile(LoadedPlugin plugin, string rules)
    {
        var (workflow, problems) = new RuleSetProvider(rules).For(plugin);
        return workflow ?? throw new InvalidOperationException(string.Join("\n", problems));
    }

    [Benchmark(Description = "simple rule, one line")]
    public bool SimpleRule()
    {
        _simple.Evaluate(_forward, _simpleRun);
        return _simpleRun.AnyFailed;
    }

    [Benchmark(Description = "output-reversal workflow, one reversal line")]
    public bool ShippedWorkflow()
    {
        _shipped.Evaluate(_reversal, _shippedRun);
        return _shippedRun.AnyFailed;
    }

    [Benchmark(Description = "output-reversal workflow, one reversal line, stock RulesEngine ExecuteAllRulesAsync")]
    public async Task<bool> ShippedWorkflowOnStockRulesEngine()
    {
        var results = await _stock.ExecuteAllRulesAsync(_shipped.Name, _stockInputs);
        return results.TrueForAll(r => r.IsSuccess);
    }
}
