using System.Text.Json;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Cli;

/// <summary>The command line's contract: options, exit codes 0-4 and --json output (DESIGN.md).</summary>
public sealed class CommandLineTests : TempFolderTest
{
    private readonly string _db;

    public CommandLineTests() => _db = Temp.File("cli.db");

    private Support.Cli.Result Run(params string[] args) => Support.Cli.Run([.. args, .. Support.Cli.Folders(_db)]);

    [Fact]
    public void PostWithJsonPrintsOneObjectWithTheBatchAndTheEntryCounts()
    {
        var path = OutputJournal.New().Output(10, 120).Output(2, 5).WriteTo(Temp.File("journal.xlsx"));

        var result = Run("post", path, "--json", "--user", "anna");

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("batch").GetInt64());
        Assert.Equal("output-reversal", root.GetProperty("plugin").GetString());
        Assert.Equal("posted", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("lines").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        Assert.Equal(2, root.GetProperty("entries").GetProperty("item").GetInt32());
        Assert.Equal(2, root.GetProperty("entries").GetProperty("capacity").GetInt32());
        Assert.True(File.Exists(root.GetProperty("report").GetString()));
        Assert.Contains("posted: batch 1", result.Error);
    }

    [Fact]
    public void ARefusedPostExitsWithOneAndListsEachErrorWithSheetRowAndRule()
    {
        Run("post", OutputJournal.New().Output(10, 120).WriteTo(Temp.File("originals.xlsx")));
        var path = OutputJournal.New().Reversal(1, -11, -1).WriteTo(Temp.File("corrections.xlsx"));

        var result = Run("post", path, "--json");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("rejected", json.RootElement.GetProperty("status").GetString());
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("Output Journal", error.GetProperty("sheet").GetString());
        Assert.Equal(2, error.GetProperty("row").GetInt32());
        Assert.Equal("RemainingQuantitySufficient", error.GetProperty("rule").GetString());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Contains("entry 1 has 10 left", error.GetProperty("message").GetString());
        Assert.Equal(("Output Quantity", "G2"), (error.GetProperty("column").GetString(), error.GetProperty("cell").GetString())); // the first column the rule reads
        Assert.Contains("Output Journal!G2: error RemainingQuantitySufficient: Row 2: Remaining Quantity is too low", result.Error);
    }

    [Theory]
    [InlineData("batches")]
    [InlineData("entries")]
    [InlineData("check")]
    public void AMissingDatabaseIsStillOneJsonObjectOnStdoutWithJson(string command)
    {
        var missing = Temp.File("nowhere.db");

        var result = Support.Cli.Run(command, "--db", missing, "--json");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains($"the database {missing} does not exist", json.RootElement.GetProperty("error").GetString());
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public void AnUnreadableCellExitsWithTwoNamingTheSheetAndCell()
    {
        var path = OutputJournal.New().Output(10, 120).Row(OutputJournal.Day, "OUT-2", "PO-1", "ITEM-1", "10", "12,5,0", 1m, null).WriteTo(Temp.File("bad.xlsx"));

        var result = Run("post", path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("Output Journal!F3: error CELL001: Run Time: \"12,5,0\" is not a number", result.Out);
        Assert.Equal(0, LedgerQueries.Count(_db, "item_entry"));
    }

    [Fact]
    public void PostingAFileAgainExitsWithFour()
    {
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("once.xlsx"));
        Assert.Equal(ExitCodes.Done, Run("post", path).ExitCode);

        var result = Run("post", path, "--json");

        Assert.Equal(ExitCodes.Duplicate, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("duplicate", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("batch").GetInt64());
    }

    [Fact]
    public void ValidateWritesNothing()
    {
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("check.xlsx"));

        var result = Run("validate", path);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        Assert.Contains("validated: 1 line would post entries: 1 item, 1 capacity; nothing was written to the ledger", result.Out);
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public void CsvExportDefusesFormulasAndKeepsItsHeaderWhenEmpty()
    {
        Run("post", OutputJournal.New().Output(1, 1, document: "=HYPERLINK(\"x\")").WriteTo(Temp.File("o.xlsx")));

        var items = Run("entries", "--ledger", "item", "--csv");
        var customers = Run("entries", "--ledger", "customer", "--csv");
        var missing = Run("entries", "--batch", "99");

        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", items.Out);
        Assert.Equal("entryNo,batch,row,postingDate,customerNo,documentType,documentNo,amount,remainingAmount,appliesToDocumentNo,rmaNo,reasonCode", customers.Out.Trim());
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("there is no batch 99", missing.Error);
    }

    [Fact]
    public void BadUsageExitsWithTwo()
    {
        Assert.Equal(ExitCodes.BadInput, Run("post").ExitCode);
        Assert.Equal(ExitCodes.BadInput, Run("post", "x.xlsx", "--no-such-option").ExitCode);
        Assert.Equal(ExitCodes.BadInput, Run("post", Temp.File("missing.xlsx")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, Run("post", OutputJournal.New().Output(1, 1).WriteTo(Temp.File("a.xlsx")), "--culture", "xx-NOPE").ExitCode);
    }

    [Fact]
    public void AWorkbookNoPluginReadsIsRefusedListingEachPluginsHeaders()
    {
        var path = OutputJournal.New().Row("a", "b").WriteTo(Temp.File("other.xlsx"), sheet: "Budget", headers: ["Account", "Amount"]);

        var result = Run("post", path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("error PLUGIN012: the workbook matches no plugin", result.Out);
        Assert.Contains("output-reversal expects a sheet named 'Output Journal' or 'Utflödesjournal' or 'Ferdigmeldingskladd' with the headers: Posting Date, Document No., Prod. Order No., Item No., Operation No., Run Time, Output Quantity, Applies-to Entry", result.Out);
    }

    [Fact]
    public void EntriesWithJsonUseTheLedgerFieldNamesOfTheDesign()
    {
        Run("post", OutputJournal.New().Output(10, 120).WriteTo(Temp.File("o.xlsx")));
        Run("post", OutputJournal.New().Reversal(1, -2.5m, -30).WriteTo(Temp.File("r.xlsx")));

        var items = Run("entries", "--ledger", "item", "--json");
        var capacity = Run("entries", "--ledger", "capacity", "--json", "--batch", "2");

        Assert.Equal(ExitCodes.Done, items.ExitCode);
        using var itemJson = JsonDocument.Parse(items.Out);
        var reversal = itemJson.RootElement[1];
        Assert.Equal(
            ["entryNo", "batch", "row", "postingDate", "entryType", "documentNo", "itemNo", "prodOrderNo", "customerNo", "quantity", "remainingQuantity", "open", "appliesToEntry"],
            reversal.EnumerateObject().Select(p => p.Name));
        Assert.Equal(-2.5m, reversal.GetProperty("quantity").GetDecimal());
        Assert.Equal("Output", reversal.GetProperty("entryType").GetString());
        Assert.Equal(7.5m, itemJson.RootElement[0].GetProperty("remainingQuantity").GetDecimal());
        using var capacityJson = JsonDocument.Parse(capacity.Out);
        var entry = Assert.Single(capacityJson.RootElement.EnumerateArray());
        Assert.Equal(
            ["entryNo", "batch", "row", "postingDate", "documentNo", "prodOrderNo", "operationNo", "itemNo", "runTime", "outputQuantity", "itemEntryNo", "reversesEntryNo"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal((-30m, 1L), (entry.GetProperty("runTime").GetDecimal(), entry.GetProperty("reversesEntryNo").GetInt64()));
    }

    [Fact]
    public void CustomerEntriesWithJsonUseTheLedgerFieldNamesOfTheDesign()
    {
        Run("post", SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).WriteTo(Temp.File("s.xlsx")));
        Run("post", SalesJournal.New().Return("INV-1", 1, -4, 19.99m).WriteTo(Temp.File("r.xlsx")));

        var result = Run("entries", "--ledger", "customer", "--json");

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(
            ["entryNo", "batch", "row", "postingDate", "customerNo", "documentType", "documentNo", "amount", "remainingAmount", "appliesToDocumentNo", "rmaNo", "reasonCode"],
            json.RootElement[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Invoice", 199.90m, 119.94m), (json.RootElement[0].GetProperty("documentType").GetString(), json.RootElement[0].GetProperty("amount").GetDecimal(), json.RootElement[0].GetProperty("remainingAmount").GetDecimal()));
        Assert.Equal(("CreditMemo", -79.96m, "INV-1"), (json.RootElement[1].GetProperty("documentType").GetString(), json.RootElement[1].GetProperty("amount").GetDecimal(), json.RootElement[1].GetProperty("appliesToDocumentNo").GetString()));
    }

    [Fact]
    public void ProjectActualsWithJsonUseTheLedgerFieldNamesOfTheDesign()
    {
        Run("post", ProjectJournal.New().Line("INV-1", 1, 8, 200m).WriteTo(Temp.File("p.xlsx")));
        Run("post", ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6).WriteTo(Temp.File("c.xlsx")));

        var result = Run("entries", "--ledger", "project", "--json");

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(
            ["actualId", "batch", "row", "projectNo", "invoiceNo", "invoiceLineNo", "transactionType", "resource", "date", "quantity", "unitPrice", "amount", "actualType", "chargeable", "reversesActualId", "correction"],
            json.RootElement[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [("BilledSales", 8m, 1600m), ("BilledSales", -8m, -1600m), ("UnbilledSales", 6m, 1200m), ("UnbilledSales", -6m, -1200m), ("BilledSales", 6m, 1200m), ("UnbilledSales", 2m, 400m)],
            json.RootElement.EnumerateArray().Select(a => (a.GetProperty("actualType").GetString(), a.GetProperty("quantity").GetDecimal(), a.GetProperty("amount").GetDecimal())));
        Assert.Equal(1, json.RootElement[1].GetProperty("reversesActualId").GetInt64());
    }

    [Fact]
    public void EntriesAsCsvAndBatchesAsJsonListWhatWasPosted()
    {
        Run("post", OutputJournal.New().Output(10, 120).WriteTo(Temp.File("o.xlsx")));

        var csv = Run("entries", "--ledger", "capacity", "--csv");
        var batches = Run("batches", "--json");

        Assert.Equal(
            ["entryNo,batch,row,postingDate,documentNo,prodOrderNo,operationNo,itemNo,runTime,outputQuantity,itemEntryNo,reversesEntryNo", "1,1,2,2026-11-02,OUT-1,PO-1,10,ITEM-1,120,10,1,"],
            csv.Out.TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(batches.Out);
        var batch = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(("output-reversal", "o.xlsx", "posted", 1), (batch.GetProperty("plugin").GetString(), batch.GetProperty("fileName").GetString(), batch.GetProperty("status").GetString(), batch.GetProperty("lineCount").GetInt32()));
    }

    [Fact]
    public void LangSwedishOrNorwegianWithoutCultureReadsTextNumbersAndDatesAsThatCountryWritesThem()
    {
        var swedish = OutputJournal.New().Row("2026-11-02", "OUT-1", "PO-1", "ITEM-1", "10", "12,5", "1 000", null).WriteTo(Temp.File("sv.xlsx"));
        var norwegian = OutputJournal.New().Row("02.11.2026", "OUT-2", "PO-1", "ITEM-1", "10", "7,25", "3", null).WriteTo(Temp.File("nb.xlsx"));
        var english = OutputJournal.New().Row("2026-11-02", "OUT-3", "PO-1", "ITEM-1", "10", "12,5", "1", null).WriteTo(Temp.File("en.xlsx"));

        var sv = Run("post", swedish, "--lang", "sv");
        var nb = Run("post", norwegian, "--lang", "nb");
        var en = Run("post", english);

        Assert.Equal((ExitCodes.Done, ExitCodes.Done, ExitCodes.BadInput), (sv.ExitCode, nb.ExitCode, en.ExitCode));
        Assert.Equal(["12.5", "7.25"], LedgerQueries.Rows(_db, "SELECT run_time FROM capacity_entry ORDER BY entry_no").Select(r => (System.Convert.ToDecimal(r[0]) / 100000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([1000m * 100000, 3m * 100000], LedgerQueries.Rows(_db, "SELECT quantity FROM item_entry ORDER BY entry_no").Select(r => System.Convert.ToDecimal(r[0])));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("nb")]
    public void EntriesAsCsvInSwedishOrNorwegianUseSemicolonsAndDecimalCommasWithAPlainMinus(string lang)
    {
        Run("post", ProjectJournal.New().Line("INV-1", 1, 7.5m, 133.33m).WriteTo(Temp.File("p.xlsx")));
        Run("post", ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0).WriteTo(Temp.File("c.xlsx")));

        var csv = Run("entries", "--ledger", "project", "--csv", "--lang", lang);

        Assert.Equal(
            [
                "actualId;batch;row;projectNo;invoiceNo;invoiceLineNo;transactionType;resource;date;quantity;unitPrice;amount;actualType;chargeable;reversesActualId;correction",
                "1;1;2;P-1;INV-1;1;Time;Anna;2026-11-06;7,5;133,33;999,98;BilledSales;true;;false",
                "2;2;2;P-1;INV-1C;1;Time;Anna;2026-11-06;-7,5;133,33;-999,98;BilledSales;true;1;true",
                "3;2;2;P-1;INV-1C;1;Time;Anna;2026-11-06;7,5;133,33;999,98;UnbilledSales;true;;true",
            ],
            csv.Out.TrimEnd().Split('\n'));
    }

    [Fact]
    public void ReportRendersARecordedBatchAgainIdenticalToThePostingTimeReport()
    {
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("o.xlsx"));
        var posted = Run("post", path, "--json");
        var original = JsonDocument.Parse(posted.Out).RootElement.GetProperty("report").GetString()!;

        var result = Run("report", "1", "-o", Temp.File("again.html"));

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        Assert.Equal(File.ReadAllText(original), File.ReadAllText(Temp.File("again.html")));
    }

    [Fact]
    public void AReportRenderedAfterLaterBatchesChangedTheLedgerIsTheOneWrittenAtPostingTime()
    {
        var originals = Run("post", OutputJournal.New().Output(10, 120).WriteTo(Temp.File("o.xlsx")), "--json");
        var atPosting = File.ReadAllText(JsonDocument.Parse(originals.Out).RootElement.GetProperty("report").GetString()!);
        Run("post", OutputJournal.New().Reversal(1, -10, -120).WriteTo(Temp.File("r.xlsx")));

        var result = Run("report", "1", "-o", Temp.File("later.html"));

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        Assert.Equal(atPosting, File.ReadAllText(Temp.File("later.html")));
        Assert.Contains("<td class=\"num\">10</td><td>yes</td>", atPosting); // remaining 10, open: as posted, not as now
    }

    [Fact]
    public void PluginsWithJsonListEachRuleInputsFieldsWithTheirKinds()
    {
        var list = Support.Cli.Run(["plugins", "--json", .. Support.Cli.Folders(_db)]);

        using var json = JsonDocument.Parse(list.Out);
        var reversal = json.RootElement.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "output-reversal");
        var line = reversal.GetProperty("ruleInputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "line");
        var fields = line.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal(("text", "decimal number", "date that may be empty"), (fields["ItemNo"], fields["OutputQuantity"], fields["PostingDate"]));
    }

    [Fact]
    public void ACommandThatNeedsAPluginThatCannotLoadExitsWithThree()
    {
        var plugins = PluginFolders.WithEveryBrokenPlugin(Temp);
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("o.xlsx"));

        var post = Support.Cli.Run(["post", path, "--plugin", "ThrowingConstructor", .. Support.Cli.Folders(_db, plugins)]);
        var list = Support.Cli.Run(["plugins", "--json", .. Support.Cli.Folders(_db, plugins)]);
        var other = Support.Cli.Run(["post", path, .. Support.Cli.Folders(_db, plugins)]);

        Assert.Equal(ExitCodes.Configuration, post.ExitCode);
        Assert.Contains("error PLUGIN007: plugin 'ThrowingConstructor'", post.Out);
        Assert.Contains("threw InvalidOperationException: the licence file is missing", post.Out);
        Assert.Equal(ExitCodes.Configuration, list.ExitCode);
        using var json = JsonDocument.Parse(list.Out);
        Assert.Equal(5, json.RootElement.GetProperty("failures").GetArrayLength());
        Assert.Equal("output-reversal", Assert.Single(json.RootElement.GetProperty("plugins").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(ExitCodes.Done, other.ExitCode);
    }

    [Fact]
    public void ABrokenRuleFileIsAConfigurationErrorPointingIntoTheFile()
    {
        var rules = Temp.File("rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "output-reversal.json"), """
            {
              "WorkflowName": "output-reversal",
              "Rules": [
                { "RuleName": "Typo", "Expression": "line.OutputQuantty > 0" }
              ]
            }
            """);
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("o.xlsx"));

        var result = Support.Cli.Run(["post", path, .. Support.Cli.Folders(_db, rules: rules)]);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains($"{Path.Combine(rules, "output-reversal.json")}(4,47): error RULE020: rule 'Typo': line has no field 'OutputQuantty'; did you mean 'OutputQuantity'?", result.Out);
        Assert.Contains("error RULE041: the rules of output-reversal cannot be used", result.Out);
        Assert.False(File.Exists(_db) && LedgerQueries.Count(_db, "batch") > 0);
    }

    [Fact]
    public void TheDemoPostsOriginalsRefusesTheBadCorrectionsAndPostsTheFixedOnes()
    {
        var dir = Temp.File("demo");

        var result = Support.Cli.Run(["demo", "--dir", dir, "--plugins", TestHost.PluginsFolder, "--rules", TestHost.RulesFolder, "--templates", TestHost.TemplatesFolder]);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        var db = Path.Combine(dir, "pluginhost-demo.db");
        Assert.Equal(
            [[1L, "posted"], [2L, "rejected"], [3L, "posted"], [4L, "posted"], [5L, "rejected"], [6L, "posted"], [7L, "posted"], [8L, "posted"], [9L, "rejected"], [10L, "posted"], [11L, "posted"]],
            LedgerQueries.Rows(db, "SELECT id, status FROM batch ORDER BY id").Select(r => r.ToArray()).ToArray());
        Assert.Equal(13, LedgerQueries.Count(db, "item_entry"));
        Assert.Equal(8, LedgerQueries.Count(db, "capacity_entry"));
        Assert.Contains("Open output entries now: entry 1 (BIKE-100, 6 left)", result.Out);
        Assert.Contains("Returned goods back in stock now: BELL-7 5, BIKE-100 1, WHEEL-200 2", result.Out);
        Assert.Contains("Invoices now: INV-1001 1598.95 of 3197.90 open, INV-1002 537.00 of 716.00 open", result.Out);
        Assert.Contains("return order RO-5002 is Awaiting", File.ReadAllText(Path.Combine(dir, "returns-2-credit.report.html")));
        Assert.Equal([("CM-000001", "RO-5001"), ("CM-000002", "RO-5001"), ("CM-000003", "RO-5002")],
            LedgerQueries.Rows(db, "SELECT credit_note_no, return_order_no FROM credit_note ORDER BY credit_note_no").Select(r => ((string)r[0]!, (string)r[1]!)));
        Assert.Contains("Project PRJ-42 now: billed 1879.20, unbilled 49.90 non-chargeable", result.Out);
        Assert.Contains("only full credits exist for a milestone", File.ReadAllText(Path.Combine(dir, "projects-2-corrections.report.html")));
        using (var store = LedgerStore.Open(db))
            Assert.Empty(LedgerCheck.Run(store));
        foreach (var report in new[] { "output-journal-1-originals", "output-journal-2-corrections", "output-journal-3-corrections-fixed" })
            Assert.True(File.Exists(Path.Combine(dir, report + ".report.html")), report);
        Assert.Contains("Remaining Quantity is too low: entry 2 has 10 left", File.ReadAllText(Path.Combine(dir, "output-journal-2-corrections.report.html")));
    }
}
