using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports.Languages;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Rules;

/// <summary>
/// A rule file's own faults are configuration errors, never the finance user's: told once, as the rules' fault, with exit
/// code 3 and nothing posted, not as refusals of every cell of a correct workbook.
/// </summary>
public sealed class RuleFileFaultTests : TempFolderTest
{
    private static OutputJournal TwentyLines()
    {
        var journal = OutputJournal.New();
        for (var i = 1; i <= 20; i++)
            journal = journal.Output(i, 2 * i, document: $"OUT-{i}");
        return journal;
    }

    [Fact]
    public void AGlobalParamThatCannotBeComputedStopsTheFileAtLoadAndACorrectWorkbookIsNotRefusedCellByCell()
    {
        // The shipped file with a period that starts on a 13th month.
        var rules = RuleFiles.ShippedWith(Temp, "DateOnly(2026, 13, 1)", "DateOnly.MaxValue");
        var db = Temp.File("l.db");

        var check = Support.Cli.Run(["rules", "check", .. Support.Cli.Folders(db, rules: rules)]);
        var post = Support.Cli.Run(["post", TwentyLines().WriteTo(Temp.File("twenty.xlsx")), .. Support.Cli.Folders(db, rules: rules)]);

        Assert.Equal(ExitCodes.Configuration, check.ExitCode);
        Assert.Contains("error RULE033: GlobalParam 'AllowPostingFrom': 'DateOnly(2026, 13, 1)' cannot be computed", check.Out);
        Assert.Equal(ExitCodes.Configuration, post.ExitCode);
        var output = post.Out + post.Error;
        Assert.Contains("error RULE041: the rules of output-reversal cannot be used", output);
        Assert.Contains("ask whoever maintains them", output);
        Assert.DoesNotContain("Row 2", output);
        Assert.DoesNotContain("$(", output);
        Assert.False(File.Exists(db) && LedgerQueries.Count(db, "item_entry") > 0);
    }

    [Fact]
    public void ARuleThatThrowsOnEveryLineTheSameWayIsOneConfigurationErrorNotARefusalOfEachRow()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.ProdOrderNo.Substring(10).Length > 0", "Row $(line.Row): checked"));
        var db = Temp.File("l.db");
        var pipeline = new PostingPipeline(TestHost.Own(db, rules: rules));

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = TwentyLines().WriteTo(Temp.File("twenty.xlsx")) });

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        var error = Assert.Single(outcome.Problems);
        Assert.Equal(("RULE050", "R"), (error.Code, error.Where.Rule));
        Assert.StartsWith("rule 'R' could not be evaluated on any of the 20 lines, each time for the same reason (startIndex cannot be larger than length of string.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("the fault is in the rules of output-reversal, not in the workbook; ask whoever maintains output-reversal.json", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Where.Line);
        Assert.Equal(0, LedgerQueries.Count(db, "item_entry"));
    }

    [Fact]
    public void ARuleThatThrowsOnlyOnSomeLinesRefusesThoseRowsWithTheCause()
    {
        // Only the lines whose production order is shorter than 5 characters throw.
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.ProdOrderNo.Substring(5) != \\\"X\\\"", "Row $(line.Row): checked"));
        var pipeline = new PostingPipeline(TestHost.Own(Temp.File("l.db"), rules: rules));
        var workbook = OutputJournal.New().Output(1, 1, prodOrder: "PO-1").Output(2, 2, prodOrder: "PO-1234").Output(3, 3, prodOrder: "PO-2").WriteTo(Temp.File("some.xlsx"));

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = workbook });

        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Equal([2, 4], outcome.Errors.Select(e => e.Where.Row ?? 0));
        Assert.All(outcome.Errors, e => Assert.Contains("(the rule could not be evaluated: startIndex cannot be larger than length of string.", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ABrokenRuleFileIsToldAsTheRulesFaultFirstWithItsDetailsForWhoeverMaintainsIt()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.OutputQuantty > 0"));
        var pipeline = new PostingPipeline(TestHost.Own(Temp.File("l.db"), rules: rules));

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("one.xlsx")) });

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        Assert.Equal(["RULE041", "RULE020"], outcome.Problems.Select(p => p.Code));
        Assert.Contains("`pluginhost rules check` and the Rules page list the problems", outcome.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGlobalParamThatThrowsOnEveryLineIsOneErrorAtTheGlobalParamNotOneForEachRule()
    {
        var rules = RuleFiles.Folder(Temp, """
            {
              "WorkflowName": "output-reversal",
              "GlobalParams": [ { "Name": "Tail", "Expression": "line.ItemNo.Substring(50)" } ],
              "Rules": [
                { "RuleName": "A", "Expression": "Tail != \"\"" },
                { "RuleName": "B", "Expression": "line.Row > 0" }
              ]
            }
            """);
        var pipeline = new PostingPipeline(TestHost.Own(Temp.File("l.db"), rules: rules));

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = TwentyLines().WriteTo(Temp.File("twenty.xlsx")), Language = ReportLanguage.From("sv", null).Language! });

        Assert.Equal(ExitCodes.Configuration, outcome.ExitCode);
        var error = Assert.Single(outcome.Problems);
        Assert.Equal(("RULE050", "Tail", 3), (error.Code, error.Where.Rule, error.Where.Line));
        Assert.StartsWith("GlobalParam 'Tail' kunde inte utvärderas på någon av de 20 raderna, varje gång av samma skäl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWarningRuleThatThrowsOnEveryLineIsOneWarningAndTheBatchStillPosts()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.ProdOrderNo.Substring(10).Length > 0", "Row $(line.Row): checked", extra: """, "Properties": { "Severity": "Warning" }"""));
        var db = Temp.File("l.db");
        var pipeline = new PostingPipeline(TestHost.Own(db, rules: rules));

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = TwentyLines().WriteTo(Temp.File("twenty.xlsx")) });

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(("RULE050", "R"), (warning.Code, warning.Where.Rule));
        Assert.Equal(20, LedgerQueries.Count(db, "item_entry"));
    }
}
