using System.Text;
using Microsoft.Playwright;
using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>Only workbooks by their content, never by their name, and never past the size limit (6 MB in these tests).</summary>
public sealed class UploadLimitTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task APictureNamedLikeAWorkbookIsRefusedByItsContent()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var before = Directory.GetDirectories(host.Settings.UploadRoot);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "journal.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = Png });
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("main .notice.error")).ToContainTextAsync("journal.xlsx was not accepted: the file is neither an Excel workbook (.xlsx, .xls) nor CSV text");
        await Screenshots.Take(page, "14-upload-refused");
        Assert.Equal(before, Directory.GetDirectories(host.Settings.UploadRoot)); // the refused file is not kept
    }

    [Fact]
    public async Task CsvTextIsAcceptedWhateverItsName()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var csv = "Posting Date;Document No.;Prod. Order No.;Item No.;Operation No.;Run Time;Output Quantity;Applies-to Entry\n2026-11-02;OUT-CSV;PO-1;ITEM-1;10;30;6;\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "journal.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("No errors. Ready to post: 1 line.");
        await Expect(page.Locator("main dl.facts")).ToContainTextAsync("journal.csv");
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWithAClearMessageInThePageAndByTheServer()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var tooLarge = new byte[7 * 1024 * 1024];
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "huge.xlsx", MimeType = "application/octet-stream", Buffer = tooLarge });
        await Expect(page.Locator("#size-error")).ToHaveTextAsync("The file is larger than the limit of 6 MB. Split the journal into smaller workbooks.");
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page).ToHaveURLAsync(host.BaseUrl + "/");
        await Screenshots.Take(page, "15-upload-too-large");

        // Past the page's own check, the server refuses it too. The request announces its length and waits for the
        // server's go-ahead (Expect: 100-continue), so the refusal is read before any of the 7 MB is written; sent
        // eagerly, the server's early answer and closed connection race the upload (EPIPE).
        var token = await page.Locator("#upload-form input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var cookies = await page.Context.CookiesAsync();
        using var client = host.WaitingClient();
        using var form = new MultipartFormDataContent { { new StringContent(token!), "__RequestVerificationToken" }, { new ByteArrayContent(tooLarge), "file", "huge.xlsx" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/uploads") { Content = form };
        request.Headers.ExpectContinue = true;
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        using var response = await client.SendAsync(request);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Contains("larger than the limit of 6 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
