using PluginHost.Engine.Plugins;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Compilation;

namespace PluginHost.Tests.Support;

/// <summary>Rule files written by a test, compiled against the real output-reversal plugin.</summary>
public static class RuleFiles
{
    public const string Plugin = "output-reversal";

    /// <summary>A rules folder holding <paramref name="json"/> as output-reversal.json.</summary>
    public static string Folder(TempFolder folder, string json)
    {
        var rules = folder.File("rules-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, Plugin + ".json"), json);
        return rules;
    }

    /// <summary>The shipped rule file with its GlobalParams replaced.</summary>
    public static string ShippedWith(TempFolder folder, string from, string to)
    {
        var shipped = File.ReadAllText(Path.Combine(TestHost.RulesFolder, Plugin + ".json"));
        return Folder(folder, shipped.Replace("\"DateOnly.MinValue\"", $"\"{from}\"", StringComparison.Ordinal).Replace("\"DateOnly.MaxValue\"", $"\"{to}\"", StringComparison.Ordinal));
    }

    /// <summary>Compiles a workflow file against the plugin loaded by the real loader.</summary>
    public static (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) Compile(TempFolder folder, string json) => CompileFor(folder, json).Compiled;

    /// <summary>Compiles, and returns the plugin too so a test can make inputs of its (load-context) types.</summary>
    public static ((CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) Compiled, PluginInputs Inputs) CompileFor(TempFolder folder, string json)
    {
        var runtime = TestHost.Own(folder.File("unused.db"), rules: Folder(folder, json));
        var plugin = OutputReversal(runtime);
        return (runtime.RulesFor(plugin), new PluginInputs(plugin));
    }

    public static LoadedPlugin OutputReversal(HostRuntime runtime) => runtime.Plugins.Find(Plugin)!;

    /// <summary>A workflow JSON with one rule.</summary>
    public static string OneRule(string expression, string message = "failed", string extra = "") => $$"""
        {
          "WorkflowName": "output-reversal",
          "Rules": [
            { "RuleName": "R", "Expression": "{{expression}}", "ErrorMessage": "{{message}}"{{extra}} }
          ]
        }
        """;
}
