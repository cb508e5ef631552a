using Microsoft.Playwright;
using PluginHost.Tests.Support;
using PluginHost.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluginHost.Web.Tests;

/// <summary>Rule files and report templates changed on disk are taken without a restart; a broken change is shown and not taken.</summary>
public sealed class ReloadTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private const string Reversal = "ReversalNeedsAppliesTo";

    [Fact]
    public async Task AChangedRuleFileIsTakenAndABrokenOneIsShownWhileThePreviousRulesStayInForce()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var file = Path.Combine(host.Rules, "output-reversal.json");
        var original = await File.ReadAllTextAsync(file);
        var workbook = OutputJournal.New().Row(OutputJournal.Day, "OUT-RULES", "PO-1", "ITEM-1", "10", -1m, -2m, null).WriteTo(host.Temp.File("reversal-without-entry.xlsx"));

        // A consultant rewords a message: the next check uses it.
        var reworded = original.Replace("so Applies-to Entry must name the output entry to reverse.", "so fill in Applies-to Entry (reworded).", StringComparison.Ordinal);
        Assert.NotEqual(original, reworded);
        await File.WriteAllTextAsync(file, reworded);
        await Check(page, workbook);
        await Expect(RuleRow(page)).ToContainTextAsync("so fill in Applies-to Entry (reworded).");

        // A broken change: shown on the rules page, and the reworded rules stay in force.
        await File.WriteAllTextAsync(file, reworded.Replace("line.AppliesToEntry != null", "line.AppliesToEntry != null &&", StringComparison.Ordinal));
        await page.GotoAsync("/rules");
        await Expect(page.Locator("#rules tbody tr.warn")).ToContainTextAsync("output-reversal");
        await Expect(page.Locator("#rules")).ToContainTextAsync("the previous rules stay in force");
        await Expect(page.Locator("#rules ul.problems")).ToContainTextAsync("RULE040");
        await Screenshots.Take(page, "16-rules-broken-change", fullPage: true);
        await Check(page, workbook);
        await Expect(RuleRow(page)).ToContainTextAsync("so fill in Applies-to Entry (reworded).");
        // The finance user reads the rules' state, not the consultant's expression errors as if about the workbook.
        await Expect(page.Locator("#warnings")).ToContainTextAsync("the rules of output-reversal were changed and the change cannot be used");
        await Expect(page.Locator("#warnings")).Not.ToContainTextAsync("RULE020");
        await Screenshots.Take(page, "18-preview-rules-kept-in-force", fullPage: true);

        await File.WriteAllTextAsync(file, original);
        await page.GotoAsync("/rules");
        await Expect(page.Locator("#rules tbody tr.ok")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task AChangedTemplateIsTakenAndABrokenOneIsShownWhileThePreviousTemplatesStayInForce()
    {
        var page = await host.SignedIn(WebHostFixture.Poster, WebHostFixture.PosterPassword);
        var file = Path.Combine(host.Templates, "output-reversal.sbn-html");
        var original = await File.ReadAllTextAsync(file);
        var first = OutputJournal.New().Output(4, 8, document: "OUT-TPL-1").WriteTo(host.Temp.File("template-1.xlsx"));
        await Check(page, first);
        await Expect(page.FrameLocator("iframe.report").Locator("body")).Not.ToContainTextAsync("Changed on disk");

        const string messages = "{{ include \"messages\" ~}}";
        Assert.Contains(messages, original, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, original.Replace(messages, "<p>Changed on disk</p>" + messages, StringComparison.Ordinal));
        await Check(page, OutputJournal.New().Output(4, 8, document: "OUT-TPL-2").WriteTo(host.Temp.File("template-2.xlsx")));
        await Expect(page.FrameLocator("iframe.report").Locator("body")).ToContainTextAsync("Changed on disk");

        // A list the model does not have, and a block never closed: both shown at their place, the old template kept.
        var line = original[..original.IndexOf(messages, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        await File.WriteAllTextAsync(file, original.Replace(messages, "{{ Entries.size }}{{ if HasEntries }}" + messages, StringComparison.Ordinal));
        await page.GotoAsync("/rules");
        await Expect(page.Locator("#template-state")).ToContainTextAsync("have problems");
        await Expect(page.Locator("main")).ToContainTextAsync("TEMPLATE040");
        await Expect(page.Locator("main")).ToContainTextAsync($"output-reversal.sbn-html({line},22)");
        await Expect(page.Locator("main")).ToContainTextAsync("the 'if' opened here has no 'end'");
        await Expect(page.Locator("main")).ToContainTextAsync($"output-reversal.sbn-html({line},4)");
        await Expect(page.Locator("main")).ToContainTextAsync("'Entries' is not in the report model; did you mean one of 'ItemEntries', 'CapacityEntries', 'CustomerEntries', 'HasEntries'?");
        await Screenshots.Take(page, "19-rules-template-error-kept-in-force", fullPage: true);
        await Check(page, OutputJournal.New().Output(4, 8, document: "OUT-TPL-3").WriteTo(host.Temp.File("template-3.xlsx")));
        await Expect(page.FrameLocator("iframe.report").Locator("body")).ToContainTextAsync("Changed on disk");

        await File.WriteAllTextAsync(file, original);
        await page.GotoAsync("/rules");
        await Expect(page.Locator("#template-state")).ToContainTextAsync("without problems");
    }

    private static async Task Check(IPage page, string workbook)
    {
        await page.GotoAsync("/");
        await page.SetInputFilesAsync("#file", workbook);
        await page.ClickAsync("#upload-form button[type=submit]");
        await Expect(page.Locator("#status")).ToBeVisibleAsync();
    }

    private static ILocator RuleRow(IPage page) => page.Locator("#errors tbody tr").Filter(new() { HasText = Reversal });
}
