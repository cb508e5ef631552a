using PluginHost.Engine.Ledger;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;
using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>A finance user's day in the browser: upload, see the errors, fetch the error workbook, fix, post, read the report.</summary>
public sealed class UploadFlowTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task AWorkbookWithErrorsIsFixedPostedAndReported()
    {
        var page = await host.NewPage();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Screenshots.Take(page, "01-signin");
        await page.FillAsync("#name", WebHostFixture.Poster);
        await page.FillAsync("#password", "not the password");
        await page.ClickAsync("form.signin button[type=submit]");
        await Expect(page.Locator("#signin-failed")).ToBeVisibleAsync();
        await Expect(page.Locator("#name")).ToHaveValueAsync(WebHostFixture.Poster);
        await page.FillAsync("#password", WebHostFixture.PosterPassword);
        await page.ClickAsync("form.signin button[type=submit]");
        await Expect(page).ToHaveURLAsync(host.BaseUrl + "/");
        await Screenshots.Take(page, "02-upload");

        // Row 3: a run time that is not a number; row 4: a negative output without the entry it reverses.
        var broken = OutputJournal.New()
            .Output(10, 60, document: "OUT-FLOW")
            .Row(OutputJournal.Day, "OUT-FLOW", "PO-1", "ITEM-1", "10", "abc", 5m, null)
            .Row(OutputJournal.Day, "OUT-FLOW", "PO-1", "ITEM-1", "10", -2m, -5m, null)
            .WriteTo(host.Temp.File("output-journal.xlsx"));
        await page.SetInputFilesAsync("#file", broken);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("2 errors on 2 rows:");
        await Screenshots.Take(page, "03-preview-errors", fullPage: true);
        var errorRows = page.Locator("#errors tbody tr");
        await Expect(errorRows).ToHaveCountAsync(2);
        await Expect(errorRows.Nth(0).Locator("td")).ToHaveTextAsync(["3", "Run Time", "Output Journal!F3", "CELL001", "Run Time: \"abc\" is not a number"]);
        await Expect(errorRows.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("4");
        await Expect(errorRows.Nth(1).Locator("td").Nth(3)).ToHaveTextAsync("ReversalNeedsAppliesTo");
        await Expect(page.Locator("#lines")).ToHaveTextAsync("3");
        await Expect(page.Locator("#post-form")).ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#error-workbook"));
        Assert.Equal("output-journal.errors.xlsx", download.SuggestedFilename);
        var errorWorkbook = host.Temp.File("downloaded.errors.xlsx");
        await download.SaveAsAsync(errorWorkbook);
        var rows = WorkbookFile.Read(errorWorkbook).ReadRows("Output Journal").ToList();
        Assert.Equal(ErrorWorkbook.ErrorsHeader, rows[0].Cells.Last(c => c is not null));
        // The refused rows come first, each with its messages in the Errors column.
        Assert.Equal("Row 3: Run Time: \"abc\" is not a number", rows.Single(r => Equals(r[5], "abc"))[8]);
        Assert.StartsWith("Row 4: Output Quantity -5 makes the line a reversal", rows.Single(r => Equals(r[6], -5d))[8]?.ToString(), StringComparison.Ordinal);

        var fixedWorkbook = OutputJournal.New()
            .Output(10, 60, document: "OUT-FLOW")
            .Output(5, 30, document: "OUT-FLOW")
            .Output(2, 12, document: "OUT-FLOW")
            .WriteTo(host.Temp.File("output-journal-fixed.xlsx"));
        // Dropped onto the page this time, as from the file manager.
        await page.GotoAsync("/");
        var dropped = await page.EvaluateHandleAsync(
            "([name, base64]) => { const dt = new DataTransfer(); dt.items.add(new File([Uint8Array.from(atob(base64), c => c.charCodeAt(0))], name)); return dt; }",
            new[] { Path.GetFileName(fixedWorkbook), Convert.ToBase64String(await File.ReadAllBytesAsync(fixedWorkbook)) });
        await page.DispatchEventAsync("#drop-zone", "drop", new { dataTransfer = dropped });
        await Expect(page.Locator("#chosen")).ToContainTextAsync("output-journal-fixed.xlsx");
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("No errors. Ready to post: 3 lines.");
        var uploadFolder = Path.Combine(host.Settings.UploadRoot, "u-" + page.Url.Split('/').Last());
        Assert.True(File.Exists(Path.Combine(uploadFolder, "output-journal-fixed.xlsx")));
        await Expect(page.Locator("#would-post")).ToContainTextAsync("Item ledger");
        await Expect(page.FrameLocator("iframe.report").Locator("body")).ToContainTextAsync("OUT-FLOW");
        Assert.False(File.Exists(host.Database) && BatchesOf(host.Database).Any(), "a preview must write nothing to the ledger");
        await Screenshots.Take(page, "04-preview-ready");

        await page.ClickAsync("#post-button"); // unticked: the browser keeps the form
        await Expect(page.Locator("#post-form")).ToBeVisibleAsync();
        await page.CheckAsync("#confirm");
        await page.ClickAsync("#post-button");
        await Expect(page.Locator("#posted")).ToContainTextAsync("Posted as batch");
        Assert.False(Directory.Exists(uploadFolder), "a posted upload is deleted");
        var batch = BatchesOf(host.Database).Single();
        await Expect(page.Locator("#posted")).ToHaveTextAsync($"Posted as batch {batch.Id}: 3 lines.");
        Assert.Equal(("posted", "output-journal-fixed.xlsx", WebHostFixture.Poster, 3), (batch.Status, batch.FileName, batch.User, batch.LineCount));
        using (var store = LedgerStore.Open(host.Database))
            Assert.Equal([10m, 5m, 2m], store.ItemEntries(batch.Id).Select(e => e.Quantity));
        await Expect(page.FrameLocator("#report").Locator("body")).ToContainTextAsync("OUT-FLOW");
        await Screenshots.Take(page, "05-batch-report");

        // Back to the preview (or a second click on Post): the batch it became, not "not found", and still one batch.
        await page.GotoAsync(host.BaseUrl + "/uploads/" + uploadFolder.Split("u-").Last());
        Assert.Equal($"{host.BaseUrl}/batches/{batch.Id}", page.Url);
        Assert.Single(BatchesOf(host.Database));

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href$='entries.csv?ledger=item']"));
        var csvPath = host.Temp.File("items.csv");
        await csv.SaveAsAsync(csvPath);
        var lines = File.ReadAllLines(csvPath);
        Assert.StartsWith("entryNo,batch,row,postingDate", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);

        await page.ClickAsync("a[href='/batches/" + batch.Id + "?lang=sv']");
        await Expect(page.FrameLocator("#report").Locator("body")).ToContainTextAsync("Utflödesjournal");

        // The same file again: the preview says it was posted, and there is nothing to post.
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#file", fixedWorkbook);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync($"already posted as batch {batch.Id}");
        await Expect(page.Locator("#post-form")).ToHaveCountAsync(0);
        await Screenshots.Take(page, "06-preview-duplicate");
        Assert.Single(BatchesOf(host.Database));

        await page.GotoAsync("/batches?plugin=output-reversal");
        await Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(1);
        await Screenshots.Take(page, "07-batches");
        await page.GotoAsync("/batches?plugin=return-credit");
        await Expect(page.Locator("#no-batches")).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.GotoAsync($"/batches?from={today.AddDays(1):yyyy-MM-dd}");
        await Expect(page.Locator("#no-batches")).ToBeVisibleAsync();
        await page.GotoAsync($"/batches?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        await Expect(page.Locator("#batches tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TemplatesDownloadInEachLanguageAndTheRulesInForceAreListed()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        await page.GotoAsync("/templates");
        await Screenshots.Take(page, "08-templates");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href='/templates/output-reversal/sv']"));
        var path = host.Temp.File(download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var header = WorkbookFile.Read(path).ReadRows(WorkbookFile.Read(path).PreviewSheets(1)[0].Name).First().Cells;
        Assert.Contains("Bokföringsdatum", header.Select(c => c?.ToString()));

        await page.GotoAsync("/rules");
        await Expect(page.Locator("#rules tbody tr.ok")).ToHaveCountAsync(3);
        await Expect(page.Locator("#template-state")).ToContainTextAsync("without problems");
        await Screenshots.Take(page, "09-rules");
    }

    [Fact]
    public async Task ANumberWrittenTheLocalWayIsExplainedWithTheCultureChoiceOfThePageNotACommandLineOption()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var grouped = OutputJournal.New().Row(OutputJournal.Day, "OUT-LOCAL", "PO-1", "ITEM-1", "10", "1 234,5", 5m, null).WriteTo(host.Temp.File("local-numbers.xlsx"));

        await page.SetInputFilesAsync("#file", grouped);
        await page.ClickAsync("#upload-form button[type=submit]");

        await Expect(page.Locator("#errors tbody tr td").Nth(3)).ToHaveTextAsync("CELL002");
        await Expect(page.Locator("#culture-hint")).ToContainTextAsync("Choose the culture the workbook is written in below and check again.");
        await Expect(page.Locator("details[open] select[name=culture]")).ToBeVisibleAsync();
        await Screenshots.Take(page, "17-preview-culture-hint", fullPage: true);
        Assert.DoesNotContain("--culture", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageSpeaksSwedishAndNorwegian()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        await page.ClickAsync("header a[lang=sv]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ladda upp en journalarbetsbok");
        await Screenshots.Take(page, "10-upload-sv");
        await page.ClickAsync("header a[lang=nb]");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Last opp en kladdearbeidsbok");
        await page.GotoAsync("/batches");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bunker");
    }

    private static IReadOnlyList<BatchRecord> BatchesOf(string database)
    {
        using var store = LedgerStore.Open(database);
        return store.Batches();
    }
}
