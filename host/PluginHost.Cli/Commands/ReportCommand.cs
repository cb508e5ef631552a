using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Cli.Commands;

/// <summary><c>report BATCH</c>: renders a recorded batch again from the database.</summary>
internal static class ReportCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var batch = new Argument<long>("BATCH") { Description = "The batch number" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it (else batch-N.report.html, or .md, in the current folder)" };
        var format = new Option<string>("--format") { Description = "html (a page to read and print) or md (Markdown, to paste into a ticket)", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "md");
        var lang = CommonOptions.Language();
        var culture = new Option<string?>("--culture") { Description = "Culture of the report's numbers and dates: sv-SE, nb-NO, en-US ... (else the language's own)" };
        var command = new Command("report", "Render the report of a recorded batch again (as it was, or in another language)") { batch, output, format, lang, culture };
        return (command, context => Store.Use(context, store =>
        {
            var number = context.Parse.GetValue(batch);
            if (store.Batch(number) is not { } record)
            {
                context.Error.WriteLine($"error: there is no batch {number} in {store.Path}");
                return ExitCodes.BadInput;
            }
            var (renderer, problems) = context.Runtime.Reports;
            var all = problems.Concat(renderer?.Prepare(record.Plugin) ?? []).ToList();
            ProblemPrinter.Print(context.Error, all);
            if (renderer is null || all.HasErrors())
                return ExitCodes.Configuration;
            var (language, usage) = ReportLanguage.From(context.Parse.GetValue(lang), context.Parse.GetValue(culture));
            if (language is null)
            {
                ProblemPrinter.Print(context.Error, [usage!]);
                return ExitCodes.BadInput;
            }
            var asked = context.Parse.GetValue(lang) is not null || context.Parse.GetValue(culture) is not null;
            var model = RecordedReport.Model(store, record, asked ? language : null);
            var markdown = context.Parse.GetValue(format) == "md";
            var (path, badPath) = OutputPaths.Resolve(context.Parse.GetValue(output), $"batch-{number}.report.{(markdown ? "md" : "html")}", "report", "-o", store.Path);
            if (badPath is not null)
            {
                ProblemPrinter.Print(context.Error, [badPath]);
                return ExitCodes.BadInput;
            }
            try
            {
                File.WriteAllText(path!, markdown ? renderer.RenderMarkdown(model) : renderer.Render(record.Plugin, model));
            }
            catch (ReportTemplateException ex)
            {
                ProblemPrinter.Print(context.Error, [ex.Problem]);
                return ExitCodes.Configuration;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{path}: error REPORT002: the report cannot be written: {ex.Message}");
                return ExitCodes.BadInput;
            }
            context.Out.WriteLine($"report of batch {number}: {path}");
            return ExitCodes.Done;
        }));
    }
}
