using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports.Templates;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>A broken template stops a batch before anything is posted, named at its file, line and column.</summary>
public sealed class ReportTemplateTests : TempFolderTest
{
    [Fact]
    public void AMarkdownReportKeepsWorkbookValuesInsideTheirTableCells()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(1, 1, document: "A|B\nC<b>&").WriteTo(Temp.File("x.xlsx")));

        var result = Support.Cli.Run(["report", "1", "--format", "md", "-o", Temp.File("r.md"), .. Support.Cli.Folders(db)]);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        var markdown = File.ReadAllText(Temp.File("r.md"));
        Assert.StartsWith("# output-reversal: Batch 1, posted", markdown);
        Assert.Contains("| 1 | 2 | 2026-11-02 | Output | A\\|B C&lt;b&gt;&amp; | ITEM-1 | 1 | 1 | yes |  |", markdown);
    }

    [Fact]
    public void ATemplateNamingAValueTheModelLacksStopsTheBatchBeforeTheDatabaseIsOpened()
    {
        var templates = TemplatesWithOutputReversal("<p>{{ Batch.Number }}</p>\n<p>{{ Batch.FileNmae }}</p>");
        var db = Temp.File("l.db");

        var outcome = PostWith(templates, db);

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("TEMPLATE004", Path.Combine(templates, TemplateNames.HtmlReport("output-reversal")), 2, 13), (error.Code, error.Where.File, error.Where.Line, error.Where.Position));
        Assert.StartsWith("'FileNmae' is not a field of Batch; did you mean 'FileName'?", error.Message);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("<p>{{ Batch.Number }}</p>\n<p>{{ if Errors.size > 0 }}never closed</p>", 2, 7, "the 'if' opened here has no 'end'")]
    [InlineData("<p>{{ Batch.Number }}</p>\n<p>{{ for e in Errors }}x{{ end }}{{ end }}</p>", 2, 38, "this 'end' closes no block")]
    public void ATemplateThatDoesNotParseIsNamedWithItsLineAndColumnAndNothingIsPosted(string template, int line, int column, string says)
    {
        var templates = TemplatesWithOutputReversal(template);
        var db = Temp.File("l.db");

        var outcome = PostWith(templates, db);

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("TEMPLATE001", Path.Combine(templates, TemplateNames.HtmlReport("output-reversal")), line, column), (error.Code, error.Where.File, error.Where.Line, error.Where.Position));
        Assert.StartsWith(says, error.Message);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void AnErrorInAPartialIsNamedInThePartial()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        var totals = Path.Combine(templates, TemplateNames.PartialsFolder, "totals" + TemplateNames.Html);
        File.WriteAllText(totals, File.ReadAllText(totals).Replace("{{ total.Figures }}", "{{ total.Figures }}{{ total.Figure }}", StringComparison.Ordinal));

        var outcome = PostWith(templates, Temp.File("l.db"));

        // totals.sbn-html writes Figures in two tables: both places are named, at once.
        Assert.Equal([(5, 131), (15, 168)], outcome.Errors.Select(e => (e.Where.Line!.Value, e.Where.Position!.Value)));
        Assert.All(outcome.Errors, error =>
        {
            Assert.Equal(("TEMPLATE004", totals), (error.Code, error.Where.File));
            Assert.StartsWith("'Figure' is not a field of total; did you mean 'Figures'?", error.Message);
        });
    }

    [Fact]
    public void AWholeRowWrittenUnderAnotherNameIsFoundBeforeRendering()
    {
        var templates = TemplatesWithOutputReversal("<p>{{ b = Batch }}{{ b }}</p>");

        var outcome = PostWith(templates, Temp.File("l.db"));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("TEMPLATE004", 1, 22), (error.Code, error.Where.Line, error.Where.Position));
        Assert.StartsWith("b is a whole Batch row; write one of its fields, e.g. b.Number", error.Message);
    }

    [Fact]
    public void AWholeRowTheCheckCannotSeeStopsTheRenderRatherThanPrintingItsDotNetForm()
    {
        var templates = TemplatesWithOutputReversal("<p>{{ for i in [1] }}{{ b = Batch }}{{ end }}{{ b }}</p>");

        var outcome = PostWith(templates, Temp.File("l.db"));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("TEMPLATE004", 1), (error.Code, error.Where.Line));
        Assert.StartsWith("a whole row or list of the report model cannot be written", error.Message);
    }

    private PostingOutcome PostWith(string templates, string db)
    {
        var runtime = new HostRuntime(new HostFolders(TestHost.PluginsFolder, TestHost.RulesFolder, templates, db), FixedClock.Default);
        return new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("x.xlsx")) });
    }

    /// <summary>A copy of the shipped templates with the given output-reversal template.</summary>
    private string TemplatesWithOutputReversal(string template)
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.WriteAllText(Path.Combine(templates, TemplateNames.HtmlReport("output-reversal")), template);
        return templates;
    }
}
