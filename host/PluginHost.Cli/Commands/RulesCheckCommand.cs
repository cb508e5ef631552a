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
        var command = new Command("check", "Check every rule file against the inputs its plugin declares") { json };
        return (command, context =>
        {
            var runtime = context.Runtime;
            var catalog = runtime.Plugins;
            var results = catalog.Plugins.Select(plugin =>
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
            var unused = Directory.Exists(runtime.Folders.Rules)
                ? Directory.GetFiles(runtime.Folders.Rules, "*.json").Where(f => !known.Contains(Path.GetFileName(f)) && !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
                : [];
            var failed = results.Any(r => !r.ok) || catalog.Failures.Count > 0;

            var human = context.Human(context.Parse.GetValue(json));
            ProblemPrinter.Print(human, catalog.Failures);
            foreach (var r in results)
            {
                ProblemPrinter.Print(human, r.problems);
                human.WriteLine(r.ok
                    ? $"{r.file}: ok, workflow {r.workflow}, {r.rules} rules (SHA-256 {r.sha256![..12]})"
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
