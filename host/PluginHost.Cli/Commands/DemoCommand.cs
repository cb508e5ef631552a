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
            var table = Tables.Create("Workbook", "Status", "Batch", "Lines", "Item entries", "Capacity entries", "Customer entries", "Project actuals", "Refused rows", "Report");
            var worst = ExitCodes.Done;
            context.Out.WriteLine($"PluginHost demo: {folder}");
            foreach (var (file, story) in DemoJournals.Write(folder))
            {
                var outcome = pipeline.Run(new PostingRequest
                {
                    WorkbookPath = Path.Combine(folder, file),
                    User = "demo",
                    Language = language,
                    ReportPath = Path.Combine(folder, Path.GetFileNameWithoutExtension(file) + ".report.html"),
                });
                context.Out.WriteLine($"- {file}: {story}");
                ProblemPrinter.Print(context.Out, outcome.Problems);
                table.AddCells(file, outcome.Status, outcome.Batch, outcome.Lines, outcome.Entries.GetValueOrDefault("item"), outcome.Entries.GetValueOrDefault("capacity"), outcome.Entries.GetValueOrDefault("customer"), outcome.Entries.GetValueOrDefault("project"),
                    outcome.Errors.Select(e => e.Where.Row).OfType<int>().Distinct().Count(), outcome.ReportPath is null ? "" : Path.GetFileName(outcome.ReportPath));
                if (outcome.Status is PostingStatus.Failed or PostingStatus.Duplicate)
                    worst = Math.Max(worst, outcome.ExitCode);
            }
            var console = Tables.Console(context.Out);
            console.Write(table);
            using (var store = LedgerStore.Open(database))
            {
                var entries = store.Entries();
                var open = entries.Items.Where(e => e.Open && e.EntryType == Contracts.Ledger.ItemEntryType.Output).Select(e => $"entry {e.EntryNo} ({e.ItemNo}, {e.RemainingQuantity} left)");
                context.Out.WriteLine($"Open output entries now: {string.Join(", ", open)}");
                var returned = entries.Items.Where(e => e.EntryType == Contracts.Ledger.ItemEntryType.Sale && e.Open && e.Quantity > 0)
                    .GroupBy(e => e.ItemNo).Select(g => $"{g.Key} {Engine.Reports.ReportFormat.Quantity(g.Sum(e => e.RemainingQuantity))}");
                context.Out.WriteLine($"Returned goods back in stock now: {string.Join(", ", returned)}");
                var invoices = entries.Customer.Where(e => e.DocumentType == Contracts.Ledger.CustomerDocumentType.Invoice)
                    .Select(e => $"{e.DocumentNo} {Engine.Reports.ReportFormat.Amount(e.RemainingAmount)} of {Engine.Reports.ReportFormat.Amount(e.Amount)} open");
                context.Out.WriteLine($"Invoices now: {string.Join(", ", invoices)}");
                var billed = entries.Project.Where(a => a.ActualType == Contracts.Ledger.ProjectActualType.BilledSales).Sum(a => a.Amount);
                var unbilled = entries.Project.Where(a => a.ActualType == Contracts.Ledger.ProjectActualType.UnbilledSales).GroupBy(a => a.Chargeable)
                    .Where(g => g.Sum(a => a.Amount) != 0).Select(g => $"{Engine.Reports.ReportFormat.Amount(g.Sum(a => a.Amount))} {(g.Key ? "chargeable" : "non-chargeable")}");
                context.Out.WriteLine($"Project PRJ-42 now: billed {Engine.Reports.ReportFormat.Amount(billed)}, unbilled {(unbilled.Any() ? string.Join(" and ", unbilled) : "nothing")}");
            }
            context.Out.WriteLine($"Database: {database}. Try: pluginhost entries --db {database}");
            return worst;
        });
    }
}
