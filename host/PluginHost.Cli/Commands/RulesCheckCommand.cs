using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;

namespace PluginHost.Cli.Commands;

/// <summary>
/// <c>rules check</c>: compiles every plugin's workflow against the inputs the plugin declares, as posting would,
/// and prints every problem; exit code 0, or 3 with the diagnostics. For consultants before they deploy a file.
/// </summary>
internal static class RulesCheckCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var json = CommonOptions.Json("Write the result as JSON");
        var only = new Option<string?>("--plugin") { Description = "Check only this plugin's rule file (a folder of drafts may hold just one)" };
        var command = new Command("check", "Check every rule file against the inputs its plugin declares") { json, only };
        return (command, context =>
        {
            var runtime = context.Runtime;
            var catalog = runtime.Plugins;
            var chosen = context.Parse.GetValue(only);
            if (chosen is not null && catalog.Find(chosen) is null)
            {
                context.Error.WriteLine($"error USAGE003: there is no plugin named {chosen}; the plugins are {string.Join(", ", catalog.Plugins.Select(p => p.Name))}");
                return ExitCodes.BadInput;
            }
            if (!Directory.Exists(runtime.Folders.Rules))
            {
                // Said once, not once for each plugin.
                context.Human(context.Parse.GetValue(json)).WriteLine($"{runtime.Folders.Rules}: error RULE000: the rules folder does not exist (--rules, PLUGINHOST_RULES)");
                return ExitCodes.Configuration;
            }
            var results = catalog.Plugins.Where(p => chosen is null || string.Equals(p.Name, chosen, StringComparison.OrdinalIgnoreCase)).Select(plugin =>
            {
                var (workflow, problems) = runtime.RulesFor(plugin);
                return new
                {
                    plugin = plugin.Name,
                    file = runtime.RuleSets.FileOf(plugin),
                    workflow = workflow?.Name,
                    rules = workflow?.Rules.Count() ?? 0,
                    sha256 = workflow?.File.Sha256,
                    ok = workflow is not null && !problems.HasErrors(),
                    problems,
                };
            }).ToList();
            var known = catalog.Plugins.Select(p => p.Name + ".json").ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unused = chosen is not null ? []
                : Directory.GetFiles(runtime.Folders.Rules, "*.json").Where(f => !known.Contains(Path.GetFileName(f)) && !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            var failed = results.Any(r => !r.ok) || catalog.Failures.Count > 0;

            var human = context.Human(context.Parse.GetValue(json));
            ProblemPrinter.Print(human, catalog.Failures);
            foreach (var r in results)
            {
                ProblemPrinter.Print(human, r.problems);
                human.WriteLine(r.ok
                    ? $"{r.file}: ok, workflow {r.workflow}, {r.rules} rule{(r.rules == 1 ? "" : "s")} (SHA-256 {r.sha256![..12]})"
                    : $"{r.file}: {r.problems.Count(p => p.IsError)} error{(r.problems.Count(p => p.IsError) == 1 ? "" : "s")}; plugin {r.plugin} cannot post until they are fixed");
            }
            foreach (var file in unused)
                human.WriteLine($"{file}: warning: no loaded plugin is named {Path.GetFileNameWithoutExtension(file)}, so this file is not used");
            if (context.Parse.GetValue(json))
            {
                Json.Write(context.Out, new
                {
                    rulesFolder = runtime.Folders.Rules,
                    ok = !failed,
                    files = results.Select(r => new { r.plugin, r.file, r.workflow, r.rules, r.sha256, r.ok, problems = r.problems.Select(ProblemJson.From) }),
                    pluginFailures = catalog.Failures.Select(ProblemJson.From),
                    unusedFiles = unused,
                });
            }
            return failed ? ExitCodes.Configuration : ExitCodes.Done;
        });
    }
}
