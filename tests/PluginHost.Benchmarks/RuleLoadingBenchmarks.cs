using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Rules;
using PluginHost.Engine.Rules.Compilation;

namespace PluginHost.Benchmarks;

/// <summary>
/// Loading the shipped output-reversal workflow: compiled by Roslyn (cold, no cache), and from the disk cache (target:
/// at most 50 ms). Cold start: each launch is a new process and measures the first load in it, JIT included, as a
/// command-line run meets it.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class RuleLoadingBenchmarks
{
    private LoadedPlugin _plugin = null!;
    private string _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plugin = BenchHost.OutputReversal();
        _cache = Path.Combine(Path.GetTempPath(), "pluginhost-bench-cache");
        // Warm the cache once (in setup, not measured), so the cached benchmark always finds its entry.
        new RuleSetProvider(BenchHost.RulesFolder, new RuleCache(_cache)).For(_plugin);
    }

    [Benchmark(Description = "compile the shipped workflow with Roslyn (no cache)")]
    public CompiledWorkflow Compile() => new RuleSetProvider(BenchHost.RulesFolder, cache: null).For(_plugin).Workflow!;

    [Benchmark(Description = "load the shipped workflow from the disk cache")]
    public CompiledWorkflow Cached() => new RuleSetProvider(BenchHost.RulesFolder, new RuleCache(_cache)).For(_plugin).Workflow!;
}
