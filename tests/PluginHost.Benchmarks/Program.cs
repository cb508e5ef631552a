using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PluginHost.Benchmarks.RuleEvaluationBenchmarks).Assembly).Run(args);
