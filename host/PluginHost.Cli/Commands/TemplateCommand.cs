using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Cli.Commands;

/// <summary><c>template PLUGIN</c>: an empty journal workbook to start from, in English, Swedish or Norwegian.</summary>
internal static class TemplateCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var plugin = new Argument<string>("PLUGIN") { Description = "The plugin whose journal to write (see `pluginhost plugins`)" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it (else PLUGIN-template.xlsx in the current folder)" };
        var language = new Option<string>("--lang") { Description = "Header language: en, sv or nb", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong(JournalTemplate.Languages);
        var command = new Command("template", "Write an empty journal workbook for a plugin: headers, a sample line, drop-downs and formats") { plugin, output, language };
        return (command, context =>
        {
            var catalog = context.Runtime.Plugins;
            var name = context.Parse.GetValue(plugin)!;
            if (catalog.Find(name) is not { } found)
            {
                if (catalog.FailureOf(name) is { } failure)
                {
                    ProblemPrinter.Print(context.Error, [failure]);
                    return ExitCodes.Configuration;
                }
                context.Error.WriteLine($"error: there is no plugin named '{name}'; the plugins are {string.Join(", ", catalog.Plugins.Select(p => p.Name))}");
                return ExitCodes.BadInput;
            }
            var (path, badPath) = OutputPaths.Resolve(context.Parse.GetValue(output), $"{found.Name}-template.xlsx", "template", "-o", context.Folders.Database);
            // A template is a workbook: under another name (.csv, .xls) it would be an .xlsx no reader takes for what it says.
            if (badPath is null && !string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase))
                badPath = Engine.Problems.Problem.Error("REPORT001", $"a template is written as an Excel workbook; give -o a file name ending in .xlsx, not {Path.GetFileName(path)}", new Engine.Problems.SourceLocation { File = path! });
            if (badPath is not null || File.Exists(path))
            {
                // A template never replaces a file: it could be the workbook someone filled in yesterday.
                ProblemPrinter.Print(context.Error, [badPath ?? Engine.Problems.Problem.Error("REPORT001", $"{path} already exists; choose another -o, or delete it first", new Engine.Problems.SourceLocation { File = path })]);
                return ExitCodes.BadInput;
            }
            try
            {
                JournalTemplate.Write(path!, found.Instance.Schema, context.Parse.GetValue(language)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{path}: error: the template cannot be written: {ex.Message}");
                return ExitCodes.BadInput;
            }
            context.Out.WriteLine($"template for {found.Name}: {path}");
            return ExitCodes.Done;
        });
    }
}
