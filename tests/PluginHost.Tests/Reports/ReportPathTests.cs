using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>The report never lands where it would destroy something, and a bad report path stops the batch before it posts.</summary>
public sealed class ReportPathTests : TempFolderTest
{
    private PostingOutcome Post(string db, string workbook, string report) =>
        new PostingPipeline(TestHost.With(db)).Run(new PostingRequest { WorkbookPath = workbook, ReportPath = report });

    [Fact]
    public void AReportInAMissingFolderIsRefusedBeforeAnythingIsPosted()
    {
        var db = Temp.File("l.db");
        var outcome = Post(db, OutputJournal.New().Output(1, 1).WriteTo(Temp.File("o.xlsx")), Temp.File("missing/r.html"));

        Assert.Equal((PostingStatus.Failed, ExitCodes.BadInput, "REPORT001"), (outcome.Status, outcome.ExitCode, Assert.Single(outcome.Errors).Code));
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void AnErrorWorkbookNameOfOnesChoosingIsWrittenAgainOnTheNextRunButAnotherWorkbookIsNeverOverwritten()
    {
        var db = Temp.File("l.db");
        var refused = OutputJournal.New().Output(1, 1, document: "").WriteTo(Temp.File("o.xlsx"));
        var mine = Temp.File("my-errors.xlsx");
        var other = OutputJournal.New().Output(2, 2).WriteTo(Temp.File("other.xlsx"));
        var run = (string errors) => new PostingPipeline(TestHost.With(db)).Run(new PostingRequest { WorkbookPath = refused, ErrorsPath = errors });

        var first = run(mine);
        var second = run(mine);
        var overOther = run(other);

        Assert.Equal((PostingStatus.Rejected, PostingStatus.Rejected), (first.Status, second.Status));
        Assert.Equal(mine, second.ErrorWorkbookPath);
        Assert.Equal(PostingStatus.Failed, overOther.Status);
        Assert.Contains("is not an error workbook written before", Assert.Single(overOther.Errors).Message);
    }

    [Fact]
    public void ValidatingAPostedWorkbookAgainWritesItsOwnReportAndKeepsTheReportOfWhatWasPosted()
    {
        var db = Temp.File("l.db");
        var workbook = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("week45.xlsx"));
        var posted = TestHost.Post(db, workbook);
        var postedReport = File.ReadAllText(posted.ReportPath!);

        var validated = TestHost.Post(Temp.File("other.db"), workbook, dryRun: true);

        Assert.Equal(Temp.File("week45.report.html"), posted.ReportPath);
        Assert.Equal(Temp.File("week45.dry-run.report.html"), validated.ReportPath);
        Assert.Equal(postedReport, File.ReadAllText(posted.ReportPath!));
    }

    [Fact]
    public void AReportOverTheDatabaseOrTheWorkbookIsRefused()
    {
        var db = Temp.File("l.db");
        var workbook = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("o.xlsx"));
        TestHost.Post(db, OutputJournal.New().Output(2, 2).WriteTo(Temp.File("first.xlsx")));

        var overDatabase = Post(db, workbook, db);
        var overWorkbook = Post(db, workbook, workbook);

        Assert.All([overDatabase, overWorkbook], o => Assert.Equal(("REPORT001", ExitCodes.BadInput), (Assert.Single(o.Errors).Code, o.ExitCode)));
        Assert.Equal(1, LedgerQueries.Count(db, "item_entry"));
        Assert.True(File.ReadAllBytes(workbook).AsSpan(0, 2).SequenceEqual("PK"u8));
    }

    [Fact]
    public void AReportThatCannotBeWrittenAfterTheCommitIsAWarningAndTheBatchStaysPosted()
    {
        var db = Temp.File("l.db");
        var report = Temp.File("r.html");
        Directory.CreateDirectory(report + $".{Environment.ProcessId}.tmp"); // the temporary file the report is written through cannot be created

        var outcome = Post(db, OutputJournal.New().Output(1, 1).WriteTo(Temp.File("o.xlsx")), report);

        Assert.Equal((PostingStatus.Posted, ExitCodes.Done), (outcome.Status, outcome.ExitCode));
        Assert.Equal("REPORT002", Assert.Single(outcome.Warnings).Code);
        Assert.Null(outcome.ReportPath);
        Assert.Equal(1, LedgerQueries.Count(db, "item_entry"));
    }

    [Fact]
    public void NoCommandWritesOverTheDatabaseOrAUsersFile()
    {
        var db = Temp.File("l.db");
        var workbook = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("o.xlsx"));
        TestHost.Post(db, workbook);
        var csv = Temp.File("keep.csv");
        File.WriteAllText(csv, "precious");

        var results = new[]
        {
            Support.Cli.Run(["report", "1", "-o", db, .. Support.Cli.Folders(db)]),
            Support.Cli.Run(["report", "1", "-o", csv, .. Support.Cli.Folders(db)]),
            Support.Cli.Run(["report", "1", "-o", "", .. Support.Cli.Folders(db)]),
            Support.Cli.Run(["template", "output-reversal", "-o", workbook, .. Support.Cli.Folders(db)]),
            Support.Cli.Run(["post", workbook, "--report", "", .. Support.Cli.Folders(db)]),
            Support.Cli.Run(["validate", workbook, "--errors", csv, .. Support.Cli.Folders(db)]),
        };

        Assert.All(results, r => Assert.Equal(ExitCodes.BadInput, r.ExitCode));
        Assert.All(results, r => Assert.Contains("REPORT001", r.Out + r.Error));
        Assert.Equal("precious", File.ReadAllText(csv));
        Assert.Equal(1, LedgerQueries.Count(db, "item_entry"));
        Assert.True(File.ReadAllBytes(workbook).AsSpan(0, 2).SequenceEqual("PK"u8));
    }
}
