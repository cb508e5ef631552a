using System.CommandLine;
using PluginHost.Cli.Output;
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
            var outcome = RunWithProgress(context, request, showProgress: !asJson && context.Out == Console.Out && !Console.IsOutputRedirected && !Console.IsErrorRedirected);
            ProblemPrinter.Print(human, outcome.Problems);
            human.WriteLine(Summary(outcome));
            if (asJson)
                Json.Write(context.Out, OutcomeJson.From(outcome));
            return outcome.ExitCode;
        });
    }

    /// <summary>
    /// Runs the pipeline; on a terminal, a progress bar appears once a workbook passes a few thousand rows. Never when
    /// output is redirected or with --json, where it would garble what a program reads.
    /// </summary>
    private static PostingOutcome RunWithProgress(CliContext context, PostingRequest request, bool showProgress)
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
                    task ??= display.AddTask("Reading rows").IsIndeterminate();
                    task.Description = $"Reading rows: {count:N0}";
                });
                outcome = pipeline.Run(request with { RowsRead = rows });
            });
        return outcome!;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string Summary(PostingOutcome o)
    {
        var entries = string.Join(", ", o.Entries.Where(e => e.Value > 0).Select(e => $"{e.Value} {e.Key}")) is { Length: > 0 } listed ? listed : "none";
        var refusedRows = o.Errors.Select(e => e.Where.Row).Where(r => r is not null).Distinct().Count();
        return o.Status switch
        {
            PostingStatus.Posted => $"posted: batch {o.Batch}, {Plural(o.Lines, "line")}, entries: {entries}. Report: {o.ReportPath}",
            PostingStatus.Validated => $"validated: {Plural(o.Lines, "line")} would post entries: {entries}; nothing was written to the ledger. Report: {o.ReportPath}",
            PostingStatus.Rejected => $"rejected: {Plural(o.Errors.Count(), "error")} on {refusedRows} of {Plural(o.Lines, "line")}; nothing was posted{(o.Batch is { } b ? $" (recorded as batch {b})" : "")}. Report: {o.ReportPath}" +
                (o.ErrorWorkbookPath is { } fix ? $"{Environment.NewLine}Fix the marked cells in {fix} and post it again." : ""),
            PostingStatus.Duplicate => $"duplicate: already posted as batch {o.Batch}; nothing was posted.",
            _ => $"failed: nothing was posted.",
        };
    }

    /// <summary>Reports on the reading thread itself (System.Progress posts to the thread pool, racing the display).</summary>
    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
