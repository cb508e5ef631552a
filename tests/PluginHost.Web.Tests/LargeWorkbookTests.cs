using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PluginHost.Tests.Support;
using PluginHost.Web.Uploads;
using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>A 5 MB workbook validates in the background with its progress on the page, and other users are served meanwhile.</summary>
public sealed partial class LargeWorkbookTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task AFiveMegabyteWorkbookValidatesWithProgressWhileOthersAreServed()
    {
        // Output lines with a comment column posting ignores, of text that does not compress, to reach 5 MB.
        const int lines = 33_000;
        var journal = OutputJournal.New();
        for (var i = 0; i < lines; i++)
            journal.Row(OutputJournal.Day, $"OUT-BIG-{i / 100}", $"PO-{i % 50}", $"ITEM-{i % 20}", "10", 1.5m, 3m, null, Convert.ToBase64String(RandomNumberGenerator.GetBytes(120)));
        var path = journal.WriteTo(host.Temp.File("big-output-journal.xlsx"), headers: [.. OutputJournal.Headers, "Comment"]);
        Assert.InRange(new FileInfo(path).Length, 5L * 1024 * 1024, 6L * 1024 * 1024);

        // The validation is held once it has read some rows, so the page shows its progress and another user is served
        // while it provably runs, whatever the machine's speed; then it is let go.
        using var held = new ManualResetEventSlim();
        var queue = host.Service<ValidationQueue>();
        queue.RowsReadObserver = rows =>
        {
            if (rows > 0)
                held.Wait(TimeSpan.FromMinutes(5)); // a bound against a hung test, not a timing: released below
        };
        try
        {
            var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
            await page.SetInputFilesAsync("#file", path);
            await page.ClickAsync("#upload-form button[type=submit]");
            await Expect(page.Locator("#progress progress")).ToBeVisibleAsync();
            await Expect(page.Locator("#progress-text")).ToHaveTextAsync(RowsReadSoFar());
            await Screenshots.Take(page, "13-preview-progress");

            // Another user's page while the validation runs.
            Assert.False(await Done(page));
            var other = await host.SignedIn(WebHostFixture.Viewer, WebHostFixture.ViewerPassword);
            var batches = await other.GotoAsync("/batches");
            Assert.Equal(200, batches!.Status);
            Assert.False(await Done(page));

            queue.RowsReadObserver = null;
            held.Set();
            await Expect(page.Locator("#status")).ToContainTextAsync("No errors. Ready to post: 33,000 lines.", new() { Timeout = 300_000 });
            await Expect(page.Locator("#lines")).ToHaveTextAsync("33,000");
            await Expect(page.Locator("#warnings")).ToHaveCountAsync(0);
        }
        finally
        {
            queue.RowsReadObserver = null;
            held.Set();
        }
    }

    private static async Task<bool> Done(Microsoft.Playwright.IPage page) =>
        (await (await page.Context.APIRequest.GetAsync(page.Url + "/status")).JsonAsync())!.Value.GetProperty("done").GetBoolean();

    [GeneratedRegex(@"Checking: [1-9][\d,]* rows read")]
    private static partial Regex RowsReadSoFar();
}
