using Microsoft.Playwright;
using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>The rules load when the page starts, so a rule file broken before anyone has checked a workbook leaves them in force.</summary>
public sealed class StartupRulesTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task ARuleFileBrokenBeforeTheFirstUploadLeavesTheRulesLoadedAtTheStartInForce()
    {
        var file = Path.Combine(host.Rules, "output-reversal.json");
        var original = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, original[..(original.Length / 2)]); // cut off half way, before any page was opened

        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var csv = "Posting Date;Document No.;Prod. Order No.;Item No.;Operation No.;Run Time;Output Quantity;Applies-to Entry\n2026-11-02;OUT-START;PO-1;ITEM-1;10;30;6;\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "journal.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("No errors. Ready to post: 1 line.");

        await page.GotoAsync("/rules");
        await Expect(page.Locator("#rules")).ToContainTextAsync("the previous rules stay in force");
        await File.WriteAllTextAsync(file, original);
    }
}
