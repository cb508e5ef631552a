using System.Text.Json;
using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Rules;

/// <summary>A long-running host reloads changed rule files, and keeps the rules in force while a changed file has errors.</summary>
public sealed class RuleReloadTests : TempFolderTest
{
    private HostRuntime Runtime(string rules) =>
        new(new HostFolders(TestHost.PluginsFolder, rules, TestHost.TemplatesFolder, Temp.File("l.db")), FixedClock.Default);

    [Fact]
    public void AChangedFileWithErrorsLeavesThePreviousRulesInForceAndSaysWhy()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.OutputQuantity < 100", "Row $(line.Row): too much"));
        var db = Temp.File("l.db");
        var runtime = TestHost.Own(db, rules: rules);
        var pipeline = new PostingPipeline(runtime);
        Assert.Equal(PostingStatus.Posted, pipeline.Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(5, 1).WriteTo(Temp.File("a.xlsx")) }).Status);

        File.WriteAllText(Path.Combine(rules, "output-reversal.json"), RuleFiles.OneRule("line.OutputQuantty < 1"));
        File.SetLastWriteTimeUtc(Path.Combine(rules, "output-reversal.json"), DateTime.UtcNow.AddSeconds(5));
        var whileBroken = pipeline.Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(500, 1).WriteTo(Temp.File("b.xlsx")) });

        Assert.Equal(PostingStatus.Rejected, whileBroken.Status);
        Assert.Equal("Row 2: too much", Assert.Single(whileBroken.Errors).Message);
        // The finance user is told the rules' state in one warning; the details are for whoever maintains the file.
        var kept = Assert.Single(whileBroken.Warnings);
        Assert.Equal("RULE040", kept.Code);
        Assert.StartsWith("the rules of output-reversal were changed and the change cannot be used", kept.Message, StringComparison.Ordinal);
        Assert.Contains(runtime.RulesFor(RuleFiles.OutputReversal(runtime)).Problems, p => p.Code == "RULE020" && p.Message.Contains("OutputQuantty", StringComparison.Ordinal));

        File.WriteAllText(Path.Combine(rules, "output-reversal.json"), RuleFiles.OneRule("line.OutputQuantity < 1000", "Row $(line.Row): way too much"));
        File.SetLastWriteTimeUtc(Path.Combine(rules, "output-reversal.json"), DateTime.UtcNow.AddSeconds(10));
        var fixedRules = pipeline.Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(500, 1).WriteTo(Temp.File("c.xlsx")) });

        Assert.Equal(PostingStatus.Posted, fixedRules.Status);
        Assert.Empty(fixedRules.Warnings);
    }

    [Fact]
    public void ARuleFileChangedBackToAnEarlierVersionLoadsAgainInTheSameHost()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.Row > 0"));
        var file = Path.Combine(rules, "output-reversal.json");
        var runtime = Runtime(rules);
        var plugin = RuleFiles.OutputReversal(runtime);
        var first = runtime.RulesFor(plugin).Workflow!;

        File.WriteAllText(file, RuleFiles.OneRule("line.Row > 1"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        var second = runtime.RulesFor(plugin).Workflow!;
        File.WriteAllText(file, RuleFiles.OneRule("line.Row > 0"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(10));
        var (third, problems) = runtime.RulesFor(plugin);

        Assert.Empty(problems);
        Assert.Equal(first.File.Sha256, third!.File.Sha256);
        Assert.NotEqual(first.File.Sha256, second.File.Sha256);
        Assert.NotSame(first, third);
    }

    [Fact]
    public void RulesCheckExitsWithZeroForTheShippedFiles()
    {
        var result = Support.Cli.Run(["rules", "check", "--json", .. Support.Cli.Folders(Temp.File("l.db"))]);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(
            [("invoice-correction", true, 29), ("output-reversal", true, 20), ("return-credit", true, 29)],
            json.RootElement.GetProperty("files").EnumerateArray().Select(f => (f.GetProperty("plugin").GetString(), f.GetProperty("ok").GetBoolean(), f.GetProperty("rules").GetInt32())));
    }

    [Fact]
    public void RulesCheckExitsWithThreeListingEveryProblemWithItsPosition()
    {
        var rules = RuleFiles.Folder(Temp, """
            {
              "WorkflowName": "output-reversal",
              "Rules": [
                { "RuleName": "A", "Expression": "line.Nope > 0" },
                { "RuleName": "B", "Expression": "line.GetType().Assembly.Location != null" }
              ]
            }
            """);
        File.WriteAllText(Path.Combine(rules, "no-such-plugin.json"), "{}");

        var result = Support.Cli.Run(["rules", "check", .. Support.Cli.Folders(Temp.File("l.db"), rules: rules)]);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        var file = Path.Combine(rules, "output-reversal.json");
        Assert.Contains($"{file}(4,44): error RULE020: rule 'A': line has no field 'Nope' (fields: ", result.Out);
        Assert.Contains($"{file}(5,44): error RULE030: rule 'B': 'GetType' is not allowed in rules: it leads to reflection", result.Out);
        Assert.Contains("2 errors; plugin output-reversal cannot post until they are fixed", result.Out);
        Assert.Contains("no-such-plugin.json: warning: no loaded plugin is named no-such-plugin", result.Out);
    }

    [Fact]
    public void APluginWithoutARuleFileIsAConfigurationError()
    {
        var rules = Temp.File("empty-rules");
        Directory.CreateDirectory(rules);

        var result = Support.Cli.Run(["rules", "check", .. Support.Cli.Folders(Temp.File("l.db"), rules: rules)]);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Contains($"error RULE000: there is no rule file for plugin output-reversal: {Path.Combine(rules, "output-reversal.json")}", result.Out);
    }

    [Fact]
    public void AnAllowListRefusalIsReportedEvenWhenOtherRulesCompile()
    {
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule("line.Row > 0 && line.GetType().Assembly.Location != null"));

        Assert.Null(workflow);
        Assert.Equal(("RULE030", Severity.Error), (Assert.Single(problems).Code, problems[0].Severity));
    }

    [Fact]
    public void RulesCheckOfOnePluginReadsAFolderOfDraftsHoldingOnlyItsFile()
    {
        var drafts = RuleFiles.Folder(Temp, File.ReadAllText(Path.Combine(TestHost.RulesFolder, "output-reversal.json")));

        var all = Support.Cli.Run(["rules", "check", .. Support.Cli.Folders(Temp.File("l.db"), rules: drafts)]);
        var one = Support.Cli.Run(["rules", "check", "--plugin", "output-reversal", .. Support.Cli.Folders(Temp.File("l.db"), rules: drafts)]);

        Assert.Equal(ExitCodes.Configuration, all.ExitCode);
        Assert.Equal(ExitCodes.Done, one.ExitCode);
        Assert.Contains("output-reversal.json: ok, workflow output-reversal, ", one.Out);
        Assert.DoesNotContain("RULE000", one.Out);
    }

    [Fact]
    public void AMissingRulesFolderIsSaidOnce()
    {
        var result = Support.Cli.Run(["rules", "check", .. Support.Cli.Folders(Temp.File("l.db"), rules: Temp.File("no-such-folder"))]);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Single(result.Out.Split('\n'), l => l.Contains("RULE000", StringComparison.Ordinal));
    }
}
