using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Reports.Languages;
using PluginHost.Engine.Reports.Templates;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>A consultant adds a column with its header in each language, and a logo, without touching C#.</summary>
public sealed class TemplateLabelAndPictureTests : TempFolderTest
{
    [Fact]
    public void AColumnAddedByAConsultantIsHeadedInTheReportsLanguageFromTheLabelsFile()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.WriteAllText(Path.Combine(templates, TemplateLabels.FileName), """
            { "Source": { "en": "Source row", "sv": "Källrad", "nb": "Kilderad" } }
            """);
        var file = Path.Combine(templates, TemplateNames.HtmlReport("output-reversal"));
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("<th>{{ L.Entry }}</th><th>{{ L.Row }}</th><th>{{ L.PostingDate }}</th><th>{{ L.Type }}</th>", "<th>{{ L.Entry }}</th><th>{{ L.Source }}</th><th>{{ L.PostingDate }}</th><th>{{ L.Type }}</th>", StringComparison.Ordinal));
        var db = Temp.File("l.db");
        var workbook = OutputJournal.New().Output(1, 1).WriteTo(Temp.File("x.xlsx"));

        var headers = ReportLanguage.Codes.Select(code => File.ReadAllText(Post(templates, db, workbook, code).ReportPath!)).ToList();

        Assert.Contains("<th>Source row</th>", headers[0]);
        Assert.Contains("<th>Källrad</th>", headers[1]);
        Assert.Contains("<th>Kilderad</th>", headers[2]);
    }

    [Fact]
    public void ALabelWithoutItsNorwegianTextFallsBackToEnglishWithAWarning()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.WriteAllText(Path.Combine(templates, TemplateLabels.FileName), """{ "Source": { "en": "Source row", "sv": "Källrad" } }""");

        var (renderer, problems) = ReportRenderer.Load(templates);

        Assert.NotNull(renderer);
        var warning = Assert.Single(problems);
        Assert.Equal(("TEMPLATE023", false, 1, 3), (warning.Code, warning.IsError, warning.Where.Line, warning.Where.Position));
        var model = SampleModel.In("nb");
        File.WriteAllText(Path.Combine(templates, TemplateNames.HtmlReport("output-reversal")), "<p>{{ L.Source }}</p>");
        Assert.Equal("<p>Source row</p>", ReportRenderer.Load(templates).Renderer!.Render("output-reversal", model));
    }

    [Fact]
    public void ALogoBesideTheTemplatesIsPutInsideTheReportWithItsTextEscaped()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        File.WriteAllBytes(Path.Combine(templates, "logo.png"), png);
        var file = Path.Combine(templates, TemplateNames.HtmlReport("output-reversal"));
        File.WriteAllText(file, File.ReadAllText(file).Replace("<body>", "<body>\n{{ image \"logo.png\" \"Contoso <AB>\" }}", StringComparison.Ordinal));

        var outcome = Post(templates, Temp.File("l.db"), OutputJournal.New().Output(1, 1).WriteTo(Temp.File("x.xlsx")), "en");

        Assert.Contains($"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"Contoso &lt;AB&gt;\">", File.ReadAllText(outcome.ReportPath!));
    }

    private static PostingOutcome Post(string templates, string db, string workbook, string language)
    {
        var runtime = new HostRuntime(new Engine.Configuration.HostFolders(TestHost.PluginsFolder, TestHost.RulesFolder, templates, db), FixedClock.Default);
        return new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = workbook, DryRun = true, Language = ReportLanguage.From(language, null).Language! });
    }
}
