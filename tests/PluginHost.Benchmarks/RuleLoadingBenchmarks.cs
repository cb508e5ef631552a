using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Rules;
using PluginHost.Engine.Rules.Compilation;

namespace PluginHost.Benchmarks;

/// <summary>
/// Loading the shipped output-reversal workflow: read, every expression parsed by RulesEngine's parser, checked, and
/// compiled into one delegate. Cold start: each launch is a new process and measures the first load in it, JIT
/// included, as a command-line run meets it.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class RuleLoadingBenchmarks
{
    private LoadedPlugin _plugin = null!;

    [GlobalSetup]
    public void Setup() => _plugin = BenchHost.OutputReversal();

    [Benchmark(Description = "load the shipped workflow (parse, check, compile)")]
    public CompiledWorkflow Load() => new RuleSetProvider(BenchHost.RulesFolder).For(_plugin).Workflow!;
}
