using PluginHost.Engine.Plugins;

namespace PluginHost.Benchmarks;

/// <summary>The shipped plugins and rules as the build lays them out next to the benchmarks.</summary>
internal static class BenchHost
{
    public static string Folder => AppContext.BaseDirectory;

    public static string RulesFolder => Path.Combine(Folder, "rules");

    public static LoadedPlugin OutputReversal() =>
        PluginLoader.LoadFrom(Path.Combine(Folder, "plugins")).Find("output-reversal") ?? throw new InvalidOperationException("output-reversal did not load");

    /// <summary>A rules folder holding one workflow file for output-reversal.</summary>
    public static string RulesFolderWith(string json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pluginhost-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "output-reversal.json"), json);
        return folder;
    }

    public const string SimpleRule = """
        { "WorkflowName": "output-reversal", "Rules": [ { "RuleName": "NotZero", "Expression": "line.OutputQuantity != 0" } ] }
        """;
}
