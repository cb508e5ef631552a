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
[SimpleJob(RunStrategy.ColdStart, launchCount: 10, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class RuleLoadingBenchmarks
{
    private LoadedPlugin _plugin = null!;
    private string _cache = null!;

    [GlobalSetup(Target = nameof(Compile))]
    public void SetupCompile() => _plugin = BenchHost.OutputReversal();

    [GlobalSetup(Target = nameof(Cached))]
    public void SetupCached()
    {
        _plugin = BenchHost.OutputReversal();
        _cache = Path.Combine(Path.GetTempPath(), "pluginhost-bench-cache", typeof(RuleCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        // Fill the cache only if this build has no entry yet (the first launch); the other launches measure a truly cold
        // process whose only warm thing is the cache file, as a second command-line run meets it.
        if (!Directory.Exists(_cache) || Directory.GetFiles(_cache, "*.dll").Length == 0)
            new RuleSetProvider(BenchHost.RulesFolder, new RuleCache(_cache)).For(_plugin);
    }

    [Benchmark(Description = "compile the shipped workflow with Roslyn (no cache)")]
    public CompiledWorkflow Compile() => new RuleSetProvider(BenchHost.RulesFolder, cache: null).For(_plugin).Workflow!;

    [Benchmark(Description = "load the shipped workflow from the disk cache")]
    public CompiledWorkflow Cached() => new RuleSetProvider(BenchHost.RulesFolder, new RuleCache(_cache)).For(_plugin).Workflow!;
}
