using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>Reports escape what users typed, and a broken template stops a batch before anything is posted.</summary>
public sealed class ReportTemplateTests : TempFolderTest
{
    [Fact]
    public void ValuesFromTheWorkbookAreHtmlEscapedInTheReport()
    {
        var path = OutputJournal.New().Output(1, 1, document: "<script>alert(1)</script>").WriteTo(Temp.File("x.xlsx"));

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        var html = File.ReadAllText(outcome.ReportPath!);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void AMarkdownReportKeepsWorkbookValuesInsideTheirTableCells()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(1, 1, document: "A|B\nC").WriteTo(Temp.File("x.xlsx")));

        var result = Support.Cli.Run(["report", "1", "--format", "md", "-o", Temp.File("r.md"), .. Support.Cli.Folders(db)]);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        var markdown = File.ReadAllText(Temp.File("r.md"));
        Assert.StartsWith("# output-reversal: Batch 1, posted", markdown);
        Assert.Contains("| 1 | 2 | 2026-11-02 | Output | A\\|B C | ITEM-1 | 1 | 1 | yes |  |", markdown);
    }

    [Fact]
    public void ATemplateNamingAValueTheModelLacksStopsTheBatchWithNothingPosted()
    {
        var templates = TemplatesWithOutputReversal("<p>{{Batch.Number}} {{Batch.NoSuchField}}</p>");
        var db = Temp.File("l.db");
        var runtime = new HostRuntime(new HostFolders(TestHost.PluginsFolder, TestHost.RulesFolder, templates, db), FixedClock.Default);

        var outcome = new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("x.xlsx")) });

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("TEMPLATE003", error.Code);
        Assert.Contains("NoSuchField", error.Message);
        Assert.Equal(0, LedgerQueries.Count(db, "item_entry"));
        Assert.Equal(0, LedgerQueries.Count(db, "batch"));
    }

    [Theory]
    [InlineData("<p>{{Batch.Number}}</p>\n<p>{{#if Errors}}never closed</p>", 2, 4, "the {{#if}} opened here has no {{/if}}")]
    [InlineData("<p>{{Batch.Number}}</p>\n<p>{{#each Errors}}x{{/if}}</p>", 2, 21, "A closing element '/if' was found without a matching open element")]
    public void ATemplateThatDoesNotCompileIsNamedWithItsLineAndColumnAndNothingIsPosted(string template, int line, int column, string says)
    {
        var templates = TemplatesWithOutputReversal(template);
        var db = Temp.File("l.db");
        var runtime = new HostRuntime(new HostFolders(TestHost.PluginsFolder, TestHost.RulesFolder, templates, db), FixedClock.Default);

        var outcome = new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("x.xlsx")) });

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("TEMPLATE001", Path.Combine(templates, "output-reversal.hbs"), line, column), (error.Code, error.Where.File, error.Where.Line, error.Where.Position));
        Assert.Contains(says, error.Message);
        Assert.False(File.Exists(db)); // found before the database was even opened
    }

    /// <summary>A copy of the shipped templates with the given output-reversal template.</summary>
    private string TemplatesWithOutputReversal(string template)
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.WriteAllText(Path.Combine(templates, "output-reversal.hbs"), template);
        return templates;
    }
}
