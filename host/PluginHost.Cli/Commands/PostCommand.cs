using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Languages;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports.Languages;
using Spectre.Console;

namespace PluginHost.Cli.Commands;

/// <summary><c>post</c> and <c>validate</c>: run a workbook through the posting pipeline.</summary>
internal static class PostCommand
{
    public static (Command, Func<CliContext, int>) Create(string name, string description, bool dryRun)
    {
        var workbook = new Argument<string>("WORKBOOK") { Description = "The journal workbook (.xlsx, .xls or .csv)" };
        var plugin = new Option<string?>("--plugin") { Description = "The plugin to use (else detected from sheet name and headers)" };
        var sheet = new Option<string?>("--sheet") { Description = "The sheet to read (else the one holding the journal)" };
        var report = new Option<string?>("--report") { Description = "Where to write the report (else WORKBOOK.report.html next to the workbook)" };
        var errors = new Option<string?>("--errors") { Description = "Where to write the error workbook after a refusal (else WORKBOOK.errors.xlsx next to the workbook)" };
        var culture = new Option<string?>("--culture") { Description = "Culture of text numbers and dates in cells, and of the report's numbers and dates: sv-SE, nb-NO, en-US ... (else that of --lang: sv-SE for sv, nb-NO for nb, only ISO dates and plain numbers for en)" };
        var lang = CommonOptions.Language();
        var user = new Option<string?>("--user") { Description = "Who posts (else the login name)" };
        var dry = new Option<bool>("--dry-run") { Description = "Check and report what would be posted; write nothing" };
        var json = CommonOptions.Json();
        var command = new Command(name, description) { workbook, plugin, sheet, report, errors, culture, lang, user, json };
        if (!dryRun)
            command.Options.Add(dry);

        return (command, context =>
        {
            var p = context.Parse;
            var asJson = p.GetValue(json);
            var human = context.Human(asJson);
            var (language, usage) = ReportLanguage.From(p.GetValue(lang), p.GetValue(culture));
            if (language is null)
            {
                var bad = new PostingOutcome { Status = PostingStatus.Failed, ExitCode = ExitCodes.BadInput, Problems = [usage!] };
                ProblemPrinter.Print(human, bad.Problems);
                if (asJson)
                    Json.Write(context.Out, OutcomeJson.From(bad));
                return bad.ExitCode;
            }

            var request = new PostingRequest
            {
                WorkbookPath = p.GetValue(workbook)!,
                Plugin = p.GetValue(plugin),
                Sheet = p.GetValue(sheet),
                ReportPath = p.GetValue(report),
                ErrorsPath = p.GetValue(errors),
                Culture = language.Culture, // --lang sv or nb without --culture reads cells as sv-SE or nb-NO write them
                Language = language,
                User = p.GetValue(user) ?? Environment.UserName,
                DryRun = dryRun || p.GetValue(dry),
            };
            var outcome = RunWithProgress(context, request, HostText.For(language.Code)["Progress.Rows"],
                showProgress: !asJson && context.Out == Console.Out && !Console.IsOutputRedirected && !Console.IsErrorRedirected);
            var text = HostText.For(language.Code);
            ProblemPrinter.Print(human, outcome.Problems, text);
            if (outcome.Problems.Any(x => x.Code == "CELL002"))
                human.WriteLine(text["Hint.Culture"]);
            human.WriteLine(Summary(outcome, text));
            if (asJson)
                Json.Write(context.Out, OutcomeJson.From(outcome));
            return outcome.ExitCode;
        });
    }

    /// <summary>
    /// Runs the pipeline; on a terminal, a progress bar appears once a workbook passes a few thousand rows. Never when
    /// output is redirected or with --json, where it would garble what a program reads.
    /// </summary>
    private static PostingOutcome RunWithProgress(CliContext context, PostingRequest request, string reading, bool showProgress)
    {
        var pipeline = new PostingPipeline(context.Runtime);
        if (!showProgress)
            return pipeline.Run(request);
        PostingOutcome? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(display =>
            {
                ProgressTask? task = null;
                var rows = new InlineProgress(count =>
                {
                    if (count < 3000)
                        return;
                    task ??= display.AddTask(reading).IsIndeterminate();
                    task.Description = $"{reading}: {count.ToString("N0", request.Language.Culture)}";
                });
                outcome = pipeline.Run(request with { RowsRead = rows });
            });
        return outcome!;
    }

    private static string Counted(HostText text, string noun, int count) => count == 1 ? text[$"Count.{noun}.One"] : text.Format($"Count.{noun}.Other", count);

    /// <summary>The closing line of a post or validate, in the batch's language.</summary>
    private static string Summary(PostingOutcome o, HostText text)
    {
        var entries = string.Join(", ", o.Entries.Where(e => e.Value > 0).Select(e => $"{e.Value} {text["Ledger." + e.Key]}")) is { Length: > 0 } listed ? listed : text["Summary.None"];
        var refusedRows = o.Errors.Select(e => e.Where.Row).Where(r => r is not null).Distinct().Count();
        return o.Status switch
        {
            PostingStatus.Posted => text.Format("Summary.Posted", o.Batch, Counted(text, "Line", o.Lines), entries, o.ReportPath),
            PostingStatus.Validated => text.Format("Summary.Validated", Counted(text, "Line", o.Lines), entries, o.ReportPath),
            PostingStatus.Rejected => text.Format("Summary.Rejected", Counted(text, "Error", o.Errors.Count()), refusedRows, Counted(text, "Line", o.Lines),
                o.Batch is { } b ? text.Format("Summary.RecordedAs", b) : "", o.ReportPath) +
                (o.ErrorWorkbookPath is { } fix ? Environment.NewLine + text.Format("Summary.Fix", fix) : ""),
            PostingStatus.Duplicate => text.Format("Summary.Duplicate", o.Batch),
            _ => text["Summary.Failed"],
        };
    }

    /// <summary>Reports on the reading thread itself (System.Progress posts to the thread pool, racing the display).</summary>
    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
