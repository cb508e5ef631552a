using Microsoft.Playwright;
using PluginHost.Engine.Workbooks;
using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>
/// A plugin whose assembly is replaced on disk under a running host is taken without a restart: the next upload is
/// posted by the new version; a new version that does not load is shown on the rules page and the one before stays.
/// </summary>
public sealed class PluginReloadTests(PluginReloadTests.CounterHost host) : IClassFixture<PluginReloadTests.CounterHost>
{
    [Fact]
    public async Task APluginReplacedOnDiskPostsTheNextBatchWhileABrokenOrUnfitReplacementLeavesTheOneBeforeInForce()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var assembly = Path.Combine(host.Plugins, "Counter", "Counter.dll");

        await Post(page, "count-1.xlsx", "COUNT-1");
        await Expect(page.FrameLocator("#report").Locator("body")).ToContainTextAsync("COUNTED-BY-V1");

        File.Copy(Path.Combine(AppContext.BaseDirectory, "test-plugins", "v2", "Counter", "Counter.dll"), assembly, overwrite: true);
        await Post(page, "count-2.xlsx", "COUNT-2");
        await Expect(page.FrameLocator("#report").Locator("body")).ToContainTextAsync("COUNTED-BY-V2");

        await File.WriteAllBytesAsync(assembly, [0x4D, 0x5A, 0, 1, 2, 3]); // half a file: not an assembly
        await page.GotoAsync("/rules");
        await Expect(page.Locator("main")).ToContainTextAsync("PLUGIN003");
        await Expect(page.Locator("main")).ToContainTextAsync("PLUGIN030: the changed plugin in");
        await Expect(page.Locator("main")).ToContainTextAsync("stays in force");
        await Screenshots.Take(page, "20-rules-plugin-replacement-refused", fullPage: true);
        await Post(page, "count-3.xlsx", "COUNT-3");
        await Expect(page.FrameLocator("#report").Locator("body")).ToContainTextAsync("COUNTED-BY-V2");

        // Version 3 renamed line.Quantity to line.Count: the rule file written for the version in force does not compile
        // against it, so it waits and version 2 posts; once the rules are written for version 3, it is taken.
        var rules = Path.Combine(host.Rules, "counter.json");
        var original = await File.ReadAllTextAsync(rules);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "test-plugins", "v3", "Counter", "Counter.dll"), assembly, overwrite: true);
        await page.GotoAsync("/rules");
        await Expect(page.Locator("main")).ToContainTextAsync("PLUGIN030: the changed plugin in");
        await Expect(page.Locator("main")).ToContainTextAsync("'Quantity'");
        await Post(page, "count-4.xlsx", "COUNT-4");
        await Expect(page.FrameLocator("#report").Locator("body")).ToContainTextAsync("COUNTED-BY-V2");

        await File.WriteAllTextAsync(rules, original.Replace("line.Quantity", "line.Count", StringComparison.Ordinal));
        await Post(page, "count-5.xlsx", "COUNT-5");
        await Expect(page.FrameLocator("#report").Locator("body")).ToContainTextAsync("COUNTED-BY-V3");
        await page.GotoAsync("/rules");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("PLUGIN030");
    }

    private async Task Post(IPage page, string name, string document)
    {
        var path = host.Temp.File(name);
        XlsxWriter.Write(path, new XlsxWriter.Sheet("Counts", ["Posting Date", "Document No.", "Item No.", "Quantity"], [[new DateOnly(2026, 11, 2), document, "ITEM-1", 3m]]));
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#file", path);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToContainTextAsync("Ready to post");
        await page.CheckAsync("#confirm");
        await page.ClickAsync("#post-button");
        await Expect(page.Locator("#posted")).ToContainTextAsync("Posted as batch");
    }

    /// <summary>The host with version 1 of the Counter test plugin beside the shipped ones, with its rules and report template.</summary>
    public sealed class CounterHost : WebHostFixture
    {
        protected override void Prepare()
        {
            Copy(Path.Combine(AppContext.BaseDirectory, "test-plugins", "v1", "Counter"), Path.Combine(Plugins, "Counter"));
            File.WriteAllText(Path.Combine(Rules, "counter.json"), """
                { "WorkflowName": "counter", "Rules": [ { "RuleName": "QuantityPositive", "Expression": "line.Quantity > 0", "ErrorMessage": "Quantity must be positive." } ] }
                """);
            File.WriteAllText(Path.Combine(Templates, "counter.sbn-html"), """
                <!DOCTYPE html><html><body><h1>{{ Batch.Number }} {{ Batch.StatusText }}</h1>
                {{ for entry in ItemEntries }}<p>{{ entry.DocumentNo }} {{ entry.ProdOrderNo }}</p>{{ end }}</body></html>
                """);
        }
    }
}
