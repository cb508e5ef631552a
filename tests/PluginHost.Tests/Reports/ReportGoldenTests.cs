using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports.Languages;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>
/// Golden files of reports (docs/reports.md): each plugin's correction report in English, Swedish and Norwegian, as
/// written at posting time. Only the time and the SHA-256 hashes are normalised. A changed report is written next to
/// its golden file as <c>.received.html</c>; look at it, and copy it over the golden file when the change is meant.
/// </summary>
public sealed partial class ReportGoldenTests : TempFolderTest
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var plugin in new[] { "output-reversal", "return-credit", "invoice-correction" })
            foreach (var lang in ReportLanguage.Codes)
                cases.Add(plugin, lang);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ACorrectionReportReadsAsItsGoldenFileInEachLanguage(string plugin, string lang)
    {
        var db = Temp.File("ledger.db");
        var (originals, correction) = Scenario(plugin);
        Post(db, originals(Temp.File("originals.xlsx")), ReportLanguage.English);

        var outcome = Post(db, correction(Temp.File("correction.xlsx")), ReportLanguage.From(lang, null).Language!);

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var actual = Normalise(File.ReadAllText(outcome.ReportPath!));
        var expectedPath = Path.Combine(GoldenFolder(), $"{plugin}.{lang}.html");
        GoldenFile.Verify(expectedPath, Path.ChangeExtension(expectedPath, ".received.html"), actual);
    }

    [Fact]
    public void EveryLanguageHasEveryLabelEnglishHas()
    {
        foreach (var lang in ReportLanguage.Codes)
            Assert.Equal(ReportLabels.English.Keys.Order(StringComparer.Ordinal), ReportLabels.For(lang).Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The originals a plugin corrects, and the correction, each as the writer of its workbook.</summary>
    private static (Func<string, string> Originals, Func<string, string> Correction) Scenario(string plugin) => plugin switch
    {
        "output-reversal" => (p => OutputJournal.New().Output(10, 120.5m).WriteTo(p), p => OutputJournal.New().Reversal(1, -4, -48.25m).WriteTo(p)),
        "return-credit" => (p => SalesJournal.New().Sale("INV-1", 1, 1200, 19.99m).WriteTo(p), p => SalesJournal.New().Return("INV-1", 1, -1001, 19.99m).WriteTo(p)),
        _ => (p => ProjectJournal.New().Line("INV-1", 1, 8, 1250.5m).WriteTo(p), p => ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6).WriteTo(p)),
    };

    private static PostingOutcome Post(string db, string workbook, ReportLanguage language) =>
        new PostingPipeline(TestHost.With(db)).Run(new PostingRequest { WorkbookPath = workbook, User = "tester", Language = language });

    private static string Normalise(string html) =>
        TimeValue().Replace(Sha256().Replace(html.ReplaceLineEndings("\n"), "<sha256>"), "<time> UTC");

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256();

    [GeneratedRegex(@"\d{1,4}[-./]\d{1,2}[-./]\d{2,4},? \d{1,2}[:.]\d{2}(?: [AP]M)? UTC")]
    private static partial Regex TimeValue();

    private static string GoldenFolder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Golden");
}
