using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Reports.Templates;

namespace PluginHost.Cli.Commands;

/// <summary>
/// <c>templates check</c>: parses and checks every report template, partial, the labels file and the pictures, as
/// posting would, then renders each template with a sample batch in every language; prints every problem at its file,
/// line and column. Exit code 0, or 3 with the diagnostics. For consultants before they deploy a template.
/// </summary>
internal static class TemplatesCheckCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var json = CommonOptions.Json("Write the result as JSON");
        var command = new Command("check", "Check every report template against the report model, and render each with a sample batch") { json };
        return (command, context =>
        {
            var folder = context.Runtime.Folders.Templates;
            var human = context.Human(context.Parse.GetValue(json));
            var (renderer, loadProblems) = ReportRenderer.Load(folder);
            var problems = loadProblems.ToList();
            var plugins = context.Runtime.Plugins.Plugins.Select(p => p.Name).ToList();
            if (renderer is not null)
            {
                problems.AddRange(plugins.SelectMany(renderer.Prepare));
                problems.AddRange(renderer.TryEveryTemplate());
                var markdown = Path.GetFileNameWithoutExtension(TemplateNames.Markdown);
                foreach (var (name, file) in renderer.Templates.Where(t => t.Name != markdown && !plugins.Contains(t.Name, StringComparer.OrdinalIgnoreCase)))
                    problems.Add(Problem.Warning("TEMPLATE008", $"no loaded plugin is named {name}, so this template is not used (plugins: {string.Join(", ", plugins)})", new SourceLocation { File = file }));
            }
            var ok = renderer is not null && !problems.HasErrors();
            ProblemPrinter.Print(human, problems);
            var errors = problems.Count(p => p.IsError);
            human.WriteLine(ok
                ? $"{folder}: ok, {renderer!.Templates.Count} report templates checked and rendered with a sample batch in {string.Join(", ", Engine.Reports.Languages.ReportLanguage.Codes)}"
                : $"{folder}: {errors} error{(errors == 1 ? "" : "s")}; batches cannot be posted with these templates until they are fixed");
            if (context.Parse.GetValue(json))
                Json.Write(context.Out, new { templatesFolder = folder, ok, templates = renderer?.Templates.Select(t => new { name = t.Name, file = t.File }) ?? [], problems = problems.Select(ProblemJson.From) });
            return ok ? ExitCodes.Done : ExitCodes.Configuration;
        });
    }
}
