using System.CommandLine;
using PluginHost.Cli.Demo;
using PluginHost.Cli.Output;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Cli.Commands;

/// <summary>
/// <c>demo</c>: writes sample workbooks, posts them into a fresh demo database of their own (never the one
/// given with --db), writes the reports and prints what was posted and refused.
/// </summary>
internal static class DemoCommand
{
    public const string DatabaseName = "pluginhost-demo.db";

    public static (Command, Func<CliContext, int>) Create()
    {
        var dir = new Option<string>("--dir") { Description = "Folder for the demo's workbooks, reports and database", DefaultValueFactory = _ => "demo" };
        var lang = CommonOptions.Language();
        var command = new Command("demo", "Post sample workbooks into a fresh demo database and write their reports") { dir, lang };
        return (command, context =>
        {
            var given = context.Parse.GetValue(dir);
            if (string.IsNullOrWhiteSpace(given) || File.Exists(given))
            {
                context.Error.WriteLine($"error: --dir needs a folder for the demo's files{(File.Exists(given) ? $"; {Path.GetFullPath(given!)} is a file" : "")}");
                return ExitCodes.BadInput;
            }
            var (language, usage) = ReportLanguage.From(context.Parse.GetValue(lang), null);
            if (language is null)
            {
                ProblemPrinter.Print(context.Error, [usage!]);
                return ExitCodes.BadInput;
            }
            var folder = Path.GetFullPath(given);
            Directory.CreateDirectory(folder);
            var database = Path.Combine(folder, DatabaseName);
            foreach (var stale in new[] { database, database + "-wal", database + "-shm" })
                File.Delete(stale);

            var pipeline = new PostingPipeline(context.Runtime.With(database));
            var say = (string name, object[] values) => DemoText.Say(language.Code, name, values);
            var table = Tables.Create(say("Columns", []).Split('|'));
            var worst = ExitCodes.Done;
            context.Out.WriteLine(say("Title", [folder]));
            var text = Engine.Languages.HostText.For(language.Code);
            foreach (var (file, story) in DemoJournals.Write(folder, language.Code))
            {
                var outcome = pipeline.Run(new PostingRequest
                {
                    WorkbookPath = Path.Combine(folder, file),
                    User = "demo",
                    Language = language,
                    ReportPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(file) + ".report.html"),
                });
                context.Out.WriteLine($"- {file}: {story}");
                ProblemPrinter.Print(context.Out, outcome.Problems, text);
                table.AddCells(file, language.Labels.GetValueOrDefault(outcome.Status) ?? outcome.Status, outcome.Batch, outcome.Lines, outcome.Entries.GetValueOrDefault("item"), outcome.Entries.GetValueOrDefault("capacity"), outcome.Entries.GetValueOrDefault("customer"), outcome.Entries.GetValueOrDefault("project"),
                    outcome.Errors.Select(e => e.Where.Row).OfType<int>().Distinct().Count(), outcome.ReportPath is null ? "" : Path.GetFileName(outcome.ReportPath));
                if (outcome.Status is PostingStatus.Failed or PostingStatus.Duplicate)
                    worst = Math.Max(worst, outcome.ExitCode);
            }
            var console = Tables.Console(context.Out);
            console.Write(table);
            using (var store = LedgerStore.Open(database))
            {
                var entries = store.Entries();
                var open = entries.Items.Where(e => e.Open && e.EntryType == Contracts.Ledger.ItemEntryType.Output)
                    .Select(e => say("OpenOutputEntry", [e.EntryNo, e.ItemNo, Engine.Reports.ReportFormat.Quantity(e.RemainingQuantity)]));
                context.Out.WriteLine(say("OpenOutput", [string.Join(", ", open)]));
                var returned = entries.Items.Where(e => e.EntryType == Contracts.Ledger.ItemEntryType.Sale && e.Open && e.Quantity > 0)
                    .GroupBy(e => e.ItemNo).Select(g => $"{g.Key} {Engine.Reports.ReportFormat.Quantity(g.Sum(e => e.RemainingQuantity))}");
                context.Out.WriteLine(say("Returned", [string.Join(", ", returned)]));
                var invoices = entries.Customer.Where(e => e.DocumentType == Contracts.Ledger.CustomerDocumentType.Invoice)
                    .Select(e => say("InvoiceOpen", [e.DocumentNo, Engine.Reports.ReportFormat.Amount(e.RemainingAmount), Engine.Reports.ReportFormat.Amount(e.Amount)]));
                context.Out.WriteLine(say("Invoices", [string.Join(", ", invoices)]));
                var billed = entries.Project.Where(a => a.ActualType == Contracts.Ledger.ProjectActualType.BilledSales).Sum(a => a.Amount);
                var unbilled = entries.Project.Where(a => a.ActualType == Contracts.Ledger.ProjectActualType.UnbilledSales).GroupBy(a => a.Chargeable)
                    .Where(g => g.Sum(a => a.Amount) != 0).Select(g => $"{Engine.Reports.ReportFormat.Amount(g.Sum(a => a.Amount))} {say(g.Key ? "Chargeable" : "NonChargeable", [])}");
                context.Out.WriteLine(say("Project", [Engine.Reports.ReportFormat.Amount(billed), unbilled.Any() ? string.Join(say("And", []), unbilled) : say("Nothing", [])]));
            }
            context.Out.WriteLine(say("Database", [database]));
            return worst;
        });
    }
}
