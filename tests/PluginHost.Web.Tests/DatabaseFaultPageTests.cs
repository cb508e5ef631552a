using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>A database the page cannot read is a page saying why, in the command line's words, not a bare server error.</summary>
public sealed class DatabaseFaultPageTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task AFileThatIsNoDatabaseIsNamedWithItsCause()
    {
        await File.WriteAllTextAsync(host.Database, "this is a spreadsheet export, not a ledger\n");
        var page = await host.SignedIn(WebHostFixture.Viewer, WebHostFixture.ViewerPassword);

        var response = await page.GotoAsync(host.BaseUrl + "/batches");

        Assert.Equal(503, response!.Status);
        await Expect(page.Locator("main")).ToContainTextAsync("The ledger cannot be read");
        await Expect(page.Locator("main")).ToContainTextAsync("the file is damaged or is not a PluginHost database");
    }
}
