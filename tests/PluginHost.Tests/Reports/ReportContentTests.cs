using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>What a report says adds up to the ledger, stays usable when large, and can be read again in another language.</summary>
public sealed class ReportContentTests : TempFolderTest
{
    [Fact]
    public void TheTotalsOfAReportEqualTheSumsOfItsBatchInTheDatabase()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).Sale("INV-1", 2, 3, 7.5m, item: "ITEM-2").WriteTo(Temp.File("s.xlsx")));
        TestHost.Post(db, SalesJournal.New().Return("INV-1", 1, -3, 19.99m).Return("INV-1", 2, -1, 7.5m, item: "ITEM-2").WriteTo(Temp.File("r.xlsx")));
        TestHost.Post(db, ProjectJournal.New().Line("INV-9", 1, 8, 200m).WriteTo(Temp.File("p.xlsx")));
        TestHost.Post(db, ProjectJournal.New().Correction("INV-9C", "INV-9", 1, 5.5m).WriteTo(Temp.File("c.xlsx")));

        foreach (var batch in new[] { 1L, 2L, 3L, 4L })
        {
            var model = ReportModelJson.Deserialize((string)LedgerQueries.Rows(db, $"SELECT model FROM batch_report WHERE batch = {batch}").Single()[0]!)!;
            var totals = model.Totals.ToDictionary(t => t.Ledger, t => (t.Entries, t.Figures));
            Assert.Equal((Count(db, "item_entry", batch), $"quantity {ReportFormat.Quantity(Scaled.Quantity(Sum(db, "item_entry", "quantity", batch)))}"), totals["Item"]);
            Assert.Equal((Count(db, "customer_entry", batch), $"amount {ReportFormat.Amount(Scaled.Amount(Sum(db, "customer_entry", "amount", batch)))}"), totals["Customer"]);
            var billed = Scaled.Amount(Sum(db, "project_actual", "amount", batch, "actual_type = 'BilledSales'"));
            var unbilled = Scaled.Amount(Sum(db, "project_actual", "amount", batch, "actual_type = 'UnbilledSales'"));
            Assert.Equal((Count(db, "project_actual", batch), $"billed {ReportFormat.Amount(billed)}, unbilled {ReportFormat.Amount(unbilled)}"), totals["Project"]);
        }
    }

    [Fact]
    public void ALargeBatchShowsTheFirstThousandRowsOfEachTableWithANoteAndTotalsOverEveryEntry()
    {
        var journal = OutputJournal.New();
        for (var i = 0; i < ReportModelBuilder.DetailLimit + 1; i++)
            journal.Output(1, 2, document: $"OUT-{i}");
        var db = Temp.File("l.db");

        var outcome = TestHost.Post(db, journal.WriteTo(Temp.File("big.xlsx")));

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var html = File.ReadAllText(outcome.ReportPath!);
        Assert.Contains("Item ledger entries: the first 1,000 of 1,001 are shown; all of them: pluginhost entries item --batch 1 --csv", html);
        Assert.Contains("Capacity ledger entries: the first 1,000 of 1,001 are shown; all of them: pluginhost entries capacity --batch 1 --csv", html);
        Assert.Contains("<td>OUT-999</td><td>PO-1</td>", html);
        Assert.DoesNotContain("<td>OUT-1000</td><td>PO-1</td>", html); // the 1,001st entry, in neither entry table
        Assert.Contains("Totals per document: the first 1,000 of 2,002 are shown; all of them: pluginhost entries --batch 1 --json", html);
        Assert.Contains("<td>Item</td><td class=\"num\">1001</td><td>quantity 1001</td>", html);
        Assert.Contains("<td>Capacity</td><td class=\"num\">1001</td><td>run time 2002, output 1001</td>", html);
    }

    [Fact]
    public void ARecordedBatchCanBeRenderedAgainInSwedishAndInEnglishAsItWas()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(1250.5m, 2).WriteTo(Temp.File("o.xlsx")));

        var swedish = Support.Cli.Run(["report", "1", "--lang", "sv", "-o", Temp.File("sv.html"), .. Support.Cli.Folders(db)]);
        var english = Support.Cli.Run(["report", "1", "--lang", "en", "-o", Temp.File("en.html"), .. Support.Cli.Folders(db)]);
        var asPosted = Support.Cli.Run(["report", "1", "-o", Temp.File("kept.html"), .. Support.Cli.Folders(db)]);

        Assert.Equal((ExitCodes.Done, ExitCodes.Done, ExitCodes.Done), (swedish.ExitCode, english.ExitCode, asPosted.ExitCode));
        var sv = File.ReadAllText(Temp.File("sv.html"));
        Assert.Contains("<html lang=\"sv\">", sv);
        Assert.Contains("<h2>Artikeltransaktioner</h2>", sv);
        Assert.Contains("<td class=\"num\">1\u00a0250,5</td>", sv);
        Assert.Contains("<td>Utflöde</td>", sv);
        Assert.Equal(File.ReadAllText(Temp.File("kept.html")), File.ReadAllText(Temp.File("en.html")));
    }

    [Fact]
    public void AnUnknownReportLanguageIsRefusedNamingTheOnesThereAre()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(1, 2).WriteTo(Temp.File("o.xlsx")));

        var result = Support.Cli.Run(["report", "1", "--lang", "de", "-o", Temp.File("de.html"), .. Support.Cli.Folders(db)]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--lang de is not a report language; use one of en, sv, nb", result.Error);
        Assert.False(File.Exists(Temp.File("de.html")));
    }

    private static long Count(string db, string table, long batch) => (long)LedgerQueries.Rows(db, $"SELECT count(*) FROM {table} WHERE batch = {batch}").Single()[0]!;

    private static long Sum(string db, string table, string column, long batch, string where = "1 = 1") =>
        (long)LedgerQueries.Rows(db, $"SELECT coalesce(sum({column}), 0) FROM {table} WHERE batch = {batch} AND {where}").Single()[0]!;
}
