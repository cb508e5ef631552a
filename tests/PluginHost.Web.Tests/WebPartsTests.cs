using System.IO.Compression;
using System.Text;
using PluginHost.Engine.Reports.Languages;
using PluginHost.Tests.Support;
using PluginHost.Web.Hosting;
using PluginHost.Web.Languages;
using PluginHost.Web.Pages;
using PluginHost.Web.Security;
using PluginHost.Web.Uploads;

namespace PluginHost.Web.Tests;

/// <summary>The parts of the web page that need no browser: sniffing, labels, hashes, encoding, the upload store.</summary>
public sealed class WebPartsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void WorkbooksAreToldByTheirBytes()
    {
        var xlsx = OutputJournal.New().Output(1, 1).WriteTo(_temp.File("a.csv"));
        Assert.Equal((".xlsx", null), ContentSniffer.Sniff(xlsx));
        Assert.Equal((".xls", null), ContentSniffer.Sniff(Write("b.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0])));
        Assert.Equal((".csv", null), ContentSniffer.Sniff(Write("c.xlsx", Encoding.UTF8.GetBytes("\uFEFFPosting Date;Document No.\n2026-11-02;Ö-1\n"))));
        Assert.Equal((".csv", null), ContentSniffer.Sniff(Write("d.bin", Encoding.Latin1.GetBytes("Bokföringsdatum,Dokumentnr\n2026-11-02,Å\n"))));
        Assert.Equal("Sniff.Empty", ContentSniffer.Sniff(Write("e.csv", [])).Refusal);
        Assert.Equal("Sniff.Neither", ContentSniffer.Sniff(Write("f.csv", Encoding.Unicode.GetBytes("a,b\n1,2\n"))).Refusal);
        Assert.Equal("Sniff.Neither", ContentSniffer.Sniff(Write("g.csv", Encoding.UTF8.GetBytes("just one line of prose\n"))).Refusal);

        var zip = _temp.File("h.xlsx");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            archive.CreateEntry("word/document.xml");
        Assert.Equal("Sniff.ZipNotWorkbook", ContentSniffer.Sniff(zip).Refusal);
    }

    [Fact]
    public void EveryLanguageHasEveryPageLabelAndEachPlaceholderOfEnglish()
    {
        foreach (var code in ReportLanguage.Codes)
        {
            var labels = WebLabels.For(code);
            Assert.Equal(WebLabels.English.Keys.Order(StringComparer.Ordinal), labels.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, english) in WebLabels.English)
            {
                var places = System.Text.RegularExpressions.Regex.Matches(english, @"\{\d\}").Select(m => m.Value).Order();
                Assert.Equal(places, System.Text.RegularExpressions.Regex.Matches(labels[name], @"\{\d\}").Select(m => m.Value).Order());
            }
        }
    }

    [Fact]
    public void PasswordHashesAreSaltedAndCheckedWholly()
    {
        var first = PasswordHash.Create("correct horse");
        var second = PasswordHash.Create("correct horse");
        Assert.NotEqual(first, second);
        Assert.True(PasswordHash.Verify("correct horse", first));
        Assert.False(PasswordHash.Verify("correct horsE", first));
        Assert.False(PasswordHash.Verify("correct horse", first[..^4] + "AAA="));
        Assert.False(PasswordHash.IsWellFormed("correct horse"));
        Assert.False(PasswordHash.IsWellFormed("pbkdf2-sha256$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA=="));
    }

    [Fact]
    public void MarkupEncodesEveryHoleThatIsNotMarkup()
    {
        var cell = "<script>alert(\"x\")</script> & 'quotes'";
        var inner = Html.Of($"<b>{cell}</b>");
        Assert.Equal("<p title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;\"><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</b></p>",
            Html.Of($"<p title=\"{cell}\">{inner}</p>").Value);
        Assert.Equal("<i>1.5</i>", Html.Of($"<i>{1.5m}</i>").Value);
    }

    [Fact]
    public void OnlyPathsOnThisSiteAreFollowedAfterSignIn()
    {
        Assert.True(SignInEndpoints.IsLocal("/batches?plugin=x"));
        Assert.False(SignInEndpoints.IsLocal("//evil.example/"));
        Assert.False(SignInEndpoints.IsLocal("/\\evil.example/"));
        Assert.False(SignInEndpoints.IsLocal("https://evil.example/"));
        Assert.False(SignInEndpoints.IsLocal(null));
        Assert.False(SignInEndpoints.IsLocal("/\t/evil.example/")); // browsers drop the tab and go to //evil.example
        Assert.False(SignInEndpoints.IsLocal("/ /evil.example/"));
    }

    [Fact]
    public void UploadsAreDeletedWhenTheirTimeIsUpButNotBefore()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        var store = new UploadStore(new WebSettings { UploadFolder = _temp.File("uploads"), UploadLifetimeMinutes = 30 }, clock);
        var (id, folder) = store.NewFolder();
        var path = Path.Combine(folder, "journal.xlsx");
        File.WriteAllText(path, "x");
        store.Add(id, path, "anna");
        Assert.Null(store.Find(id, "victor"));
        Assert.NotNull(store.Find(id, "Anna"));

        clock.Now = clock.Now.AddMinutes(29);
        Assert.Equal(0, store.RemoveExpired());
        Assert.True(Directory.Exists(folder));
        clock.Now = clock.Now.AddMinutes(2);
        Assert.Equal(1, store.RemoveExpired());
        Assert.False(Directory.Exists(folder));
        Assert.Null(store.Find(id, "anna"));
    }

    [Fact]
    public void AStartDeletesTheUploadsAnEarlierRunLeft()
    {
        var settings = new WebSettings { UploadFolder = _temp.File("uploads") };
        var (_, left) = new UploadStore(settings, TimeProvider.System).NewFolder();
        var unrelated = Directory.CreateDirectory(Path.Combine(settings.UploadRoot, "kept")).FullName;
        _ = new UploadStore(settings, TimeProvider.System);
        Assert.False(Directory.Exists(left));
        Assert.True(Directory.Exists(unrelated));
    }

    [Fact]
    public void UploadedFileNamesAreKeptWherePlainAndNeverLeaveTheirFolder()
    {
        Assert.Equal("Utflödesjournal 2026-11", UploadStore.SafeStem("Utflödesjournal 2026-11.xlsx"));
        Assert.Equal("passwd", UploadStore.SafeStem("../../etc/passwd"));
        Assert.Equal("_i_x", UploadStore.SafeStem("<i>x.xlsx"));
        Assert.Equal("workbook", UploadStore.SafeStem("..xlsx"));
    }

    public void Dispose() => _temp.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
