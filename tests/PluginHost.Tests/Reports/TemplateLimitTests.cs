using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Reports.Templates;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>
/// A render is bounded by limits sized to the report model: a report of any batch fits, and a template that loops,
/// recurses, writes or runs without end stops with its own TEMPLATE error at its place, with nothing written.
/// </summary>
public sealed class TemplateLimitTests : TempFolderTest
{
    [Fact]
    public void ATableOfAThousandRowsRendersWhereScribansOwnLimitWouldStopIt()
    {
        var renderer = Renderer(null);

        var html = renderer.Render("output-reversal", Model(rows: 1_000));

        Assert.Equal(1_000, CountOf(html, "<td class=\"num\">7</td><td class=\"num\">1</td>")); // entry 7, row 1, as the sample has them
    }

    [Fact]
    public void ALoopInsideALoopOverTheSameRowsStopsAtTheLoop()
    {
        var problem = Failure("<p>\n{{ for a in ItemEntries }}{{ for b in ItemEntries }}.{{ end }}{{ end }}</p>", Model(rows: 100));

        Assert.Equal(("TEMPLATE031", 2), (problem.Code, problem.Where.Line));
        Assert.StartsWith("the loops of this report went past 1,", problem.Message);
    }

    [Fact]
    public void ALoopThatNeverEndsStops()
    {
        var problem = Failure("{{ while true }}x{{ end }}", Model(rows: 1));

        Assert.Equal(("TEMPLATE031", 1, 4), (problem.Code, problem.Where.Line, problem.Where.Position));
    }

    [Fact]
    public void APartialThatIncludesItselfStops()
    {
        var problem = Failure("{{ include \"again\" }}", Model(rows: 1), ("partials/again.sbn-html", "<div>{{ include \"again\" }}</div>"));

        Assert.Equal("TEMPLATE032", problem.Code);
        Assert.EndsWith("again.sbn-html", problem.Where.File);
    }

    [Fact]
    public void AReportLongerThanItsRowsCanNeedStops()
    {
        var problem = Failure("{{ for i in 1..900 }}{{ \"x\" | string.pad_left 10000 }}{{ end }}", Model(rows: 1));

        Assert.Equal("TEMPLATE033", problem.Code);
        Assert.Contains("characters", problem.Message);
    }

    [Fact]
    public void ARenderPastItsTimeStops()
    {
        var limits = TemplateLimits.Default with { FixedSteps = int.MaxValue / 2, Time = TimeSpan.FromMilliseconds(300) };

        var problem = Failure("{{ while true }}{{ end }}", Model(rows: 1), limits: limits);

        Assert.Equal(("TEMPLATE034", 1), (problem.Code, problem.Where.Line));
        Assert.StartsWith("the report took longer than 0.3 s", problem.Message);
    }

    [Fact]
    public void LoopsOneAfterAnotherShareOneBudgetForTheWholeRender()
    {
        var loops = string.Concat(Enumerable.Repeat("{{ for a in ItemEntries }}.{{ end }}", 10));

        var problem = Failure(loops, Model(rows: 300)); // 10 x 300 steps, against 1,000 + 4 x 300 and the sample's other rows

        Assert.Equal("TEMPLATE031", problem.Code);
    }

    [Fact]
    public void ValuesKeptWithoutBeingWrittenStopAtTheMemoryBudget()
    {
        var limits = TemplateLimits.Default with { FixedBytes = 20L * 1024 * 1024, BytesPerRow = 0 };

        var problem = Failure("{{ kept = [] }}{{ for i in 0..200 }}{{ kept[i] = \"\" | string.pad_left 200000 }}{{ end }}", Model(rows: 1), limits);

        Assert.Equal("TEMPLATE035", problem.Code);
    }

    [Fact]
    public void ATextLongerThanAValueMayBeStops()
    {
        var problem = Failure("{{ \"x\" | string.pad_left 300000 }}", Model(rows: 1));

        Assert.Equal("TEMPLATE033", problem.Code);
        Assert.StartsWith("a value of the template would be longer than 262,144 characters", problem.Message);
    }

    [Fact]
    public void AListOfTheModelCannotBeChangedThroughAnotherName()
    {
        var model = Model(rows: 2);

        // Assigned inside a loop, so the check before rendering cannot know what rows holds: the render refuses the write.
        var problem = Failure("{{ for i in [1] }}{{ rows = ItemEntries }}{{ end }}{{ rows[0] = 1 }}", model);

        Assert.Equal("TEMPLATE006", problem.Code);
        Assert.All(model.ItemEntries, e => Assert.Equal(7, e.EntryNo));
    }

    [Fact]
    public void NothingARenderAddsToTheFunctionsReachesTheNextRender()
    {
        var renderer = Renderer("{{ for i in [1] }}{{ s = string }}{{ end }}{{ s.seen = Batch.User }}");

        var problem = Assert.Throws<ReportTemplateException>(() => renderer.Render("output-reversal", Model(rows: 1))).Problem;

        Assert.Equal("TEMPLATE006", problem.Code);
    }

    [Fact]
    public void ATextTemplateNamedAfterAPluginIsNotTakenForItsHtmlReport()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.Delete(Path.Combine(templates, TemplateNames.HtmlReport("output-reversal")));
        File.WriteAllText(Path.Combine(templates, "output-reversal.sbn"), "{{ Batch.User }}");

        var (renderer, problems) = ReportRenderer.Load(templates);

        Assert.Null(renderer);
        Assert.Equal("TEMPLATE009", Assert.Single(problems).Code);
    }

    [Fact]
    public void ATemplateThatBreaksALimitWhilePostingPostsNothingAndWritesNoReport()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.WriteAllText(Path.Combine(templates, TemplateNames.HtmlReport("output-reversal")), "<p>{{ Batch.Number }}</p>{{ while true }}x{{ end }}");
        var db = Temp.File("l.db");
        var runtime = new HostRuntime(new HostFolders(TestHost.PluginsFolder, TestHost.RulesFolder, templates, db), FixedClock.Default);

        var outcome = new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("x.xlsx")) });

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        Assert.Equal("TEMPLATE031", Assert.Single(outcome.Errors).Code);
        Assert.Null(outcome.ReportPath);
        Assert.Equal(0, LedgerQueries.Count(db, "item_entry"));
        Assert.Equal(0, LedgerQueries.Count(db, "batch"));
    }

    /// <summary>The sample model of <c>templates check</c> with its item entries repeated.</summary>
    private static ReportModel Model(int rows)
    {
        var sample = SampleModel.In("en");
        return sample with { ItemEntries = Enumerable.Repeat(sample.ItemEntries[0] with { EntryNo = 7 }, rows).ToList() };
    }

    private ReportRenderer Renderer(string? template, TemplateLimits? limits = null, params (string File, string Text)[] more)
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        if (template is not null)
            File.WriteAllText(Path.Combine(templates, TemplateNames.HtmlReport("output-reversal")), template);
        foreach (var (file, text) in more)
            File.WriteAllText(Path.Combine(templates, file), text);
        var (renderer, problems) = ReportRenderer.Load(templates, limits);
        Assert.Empty(problems);
        return renderer!;
    }

    private Engine.Problems.Problem Failure(string template, ReportModel model, params (string File, string Text)[] more) => Failure(template, model, null, more);

    private Engine.Problems.Problem Failure(string template, ReportModel model, TemplateLimits? limits, params (string File, string Text)[] more) =>
        Assert.Throws<ReportTemplateException>(() => Renderer(template, limits, more).Render("output-reversal", model)).Problem;

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
