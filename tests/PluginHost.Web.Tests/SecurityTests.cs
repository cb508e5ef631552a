using PluginHost.Engine.Ledger;
using PluginHost.Tests.Support;
using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>Roles, antiforgery, other users' uploads, and workbook text that must stay text.</summary>
public sealed class SecurityTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task AViewerSeesNoPostButtonAndThePostEndpointRefusesThemWithAValidToken()
    {
        var page = await host.SignedIn(WebHostFixture.Viewer, WebHostFixture.ViewerPassword);
        var workbook = OutputJournal.New().Output(7, 42, document: "OUT-VIEW").WriteTo(host.Temp.File("viewer.xlsx"));
        await page.SetInputFilesAsync("#file", workbook);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("No errors. Ready to post: 1 line.");
        await Expect(page.Locator("#post-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#post-button")).ToHaveCountAsync(0);
        await Expect(page.Locator("#viewer-note")).ToContainTextAsync("only a poster can post");
        await Screenshots.Take(page, "11-preview-viewer");

        // A token the server issued to this very user, for this session: still refused, by role.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("confirm", "yes");
        var response = await page.Context.APIRequest.PostAsync(page.Url + "/post", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(403, response.Status);
        Assert.Contains("Your role may look, not post", await response.TextAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(host.Database) && Batches().Any(b => b.FileName == "viewer.xlsx"), "nothing may be posted for a viewer");

        // The same request without the token from a poster is refused by antiforgery, not served.
        var poster = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var upload = OutputJournal.New().Output(3, 9, document: "OUT-AF").WriteTo(host.Temp.File("antiforgery.xlsx"));
        await poster.SetInputFilesAsync("#file", upload);
        await poster.ClickAsync("#upload-form button[type=submit]");
        await Expect(poster.Locator("#post-form")).ToBeVisibleAsync();
        var bare = poster.Context.APIRequest.CreateFormData();
        bare.Set("confirm", "yes");
        var forged = await poster.Context.APIRequest.PostAsync(poster.Url + "/post", new() { Form = bare, MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        Assert.Contains("did not come from this site", await forged.TextAsync(), StringComparison.Ordinal);
        Assert.False(File.Exists(host.Database) && Batches().Any(b => b.FileName == "antiforgery.xlsx"));

        // Another user's upload does not exist for the viewer.
        var peek = await page.GotoAsync(poster.Url);
        Assert.Equal(404, peek!.Status);
    }

    [Fact]
    public async Task ACellHoldingAScriptIsShownAsText()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        const string script = "<script>window.__pwned = 1</script>";
        const string image = "<img src=x onerror=\"window.__pwned = 2\">";
        var workbook = OutputJournal.New()
            .Row(OutputJournal.Day, script, "PO-1", "ITEM-1", "10", image, 5m, null)
            .WriteTo(host.Temp.File("<i>script.xlsx"));
        await page.SetInputFilesAsync("#file", workbook);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("1 error on 1 row:");
        await Expect(page.Locator("#errors")).ToContainTextAsync(image);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        Assert.Equal(0, await page.Locator("#errors img, main script").CountAsync());
        await Screenshots.Take(page, "12-preview-script-as-text");

        // Valid lines with a script in the document number: the preview report shows it as text as well.
        var valid = OutputJournal.New().Output(1, 2, document: script).WriteTo(host.Temp.File("script-valid.xlsx"));
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#file", valid);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("Ready to post: 1 line.");
        var report = page.FrameLocator("iframe.report");
        await Expect(report.Locator("body")).ToContainTextAsync(script);
        Assert.Equal(0, await report.Locator("body script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        await page.ClickAsync("header form button");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin$"));
        await page.GotoAsync("/batches");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl=%2Fbatches"));
        var status = await page.Context.APIRequest.GetAsync("/uploads/nothing/status");
        Assert.Equal(401, status.Status);
    }

    private IReadOnlyList<BatchRecord> Batches()
    {
        using var store = LedgerStore.Open(host.Database);
        return store.Batches();
    }
}
