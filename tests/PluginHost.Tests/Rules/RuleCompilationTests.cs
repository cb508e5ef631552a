using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Rules;

/// <summary>
/// Rule files compiled against the real plugin: problems at the line and column of the file, the allow-list, and
/// evaluation that never crashes. The complete rules engine (operator words, actions, cache) is issue 3.
/// </summary>
public sealed class RuleCompilationTests : TempFolderTest
{
    private Problem CompileError(string json)
    {
        var (workflow, problems) = RuleFiles.Compile(Temp, json);
        Assert.Null(workflow);
        return Assert.Single(problems);
    }

    [Theory]
    [InlineData("line.GetType() != null", "RULE030", "rule 'R': 'GetType' is not allowed in rules: it leads to reflection")]
    [InlineData("System.IO.File.Exists(\\\"x\\\")", "RULE020", "rule 'R': 'System' is not an input, GlobalParam or LocalParam here")]
    [InlineData("Environment.ExitCode == 0", "RULE020", "rule 'R': 'Environment' is not an input, GlobalParam or LocalParam here")]
    [InlineData("line.ItemNo.GetType().Assembly.Location != null", "RULE030", "rule 'R': 'GetType' is not allowed in rules: it leads to reflection")]
    public void ForbiddenCodeIsRefusedAtLoadWithItsPosition(string expression, string code, string message)
    {
        var error = CompileError(RuleFiles.OneRule(expression));

        Assert.Equal(code, error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((4, "R"), (error.Where.Line!.Value, error.Where.Rule));
        Assert.InRange(error.Where.Position!.Value, 39, 39 + expression.Length);
    }

    [Fact]
    public void AnExpressionThatIsNotTrueOrFalseIsRefused()
    {
        var error = CompileError(RuleFiles.OneRule("line.OutputQuantity + 1"));

        Assert.Equal("RULE020", error.Code);
        Assert.Contains("the expression must be true or false, but it is a decimal number", error.Message);
        Assert.Equal(SourceLocationText(error), $"{error.Where.File}(4,39)");
    }

    [Fact]
    public void AMisspeltMessagePlaceholderIsFoundAtLoad()
    {
        var error = CompileError(RuleFiles.OneRule("true", "Row $(line.Rowe) failed"));

        Assert.Contains("ErrorMessage of rule 'R'", error.Message);
        Assert.Contains("'Rowe'", error.Message);
        Assert.Equal(4, error.Where.Line);
    }

    [Fact]
    public void ARuleTellsItsFailureInTheBatchsLanguageWithItsOwnPlaceholdersAndElseInErrorMessage()
    {
        var ((workflow, problems), inputs) = RuleFiles.CompileFor(Temp, RuleFiles.OneRule("false", "Row $(line.Row): $(line.ItemNo) failed",
            ", \"Properties\": { \"ErrorMessage.sv\": \"Rad $(line.Row): artikel $(line.ItemNo), utflöde $(line.OutputQuantity)\", \"Severity\": \"Error\" }"));
        Assert.Empty(problems);
        var run = workflow!.NewRun();

        var told = new Dictionary<string, string>();
        foreach (var language in new[] { "sv", "nb", "en" })
        {
            run.Reset();
            run.Language = language;
            workflow.Evaluate(inputs.For(inputs.Line(("Row", 7), ("ItemNo", "BIKE-1"), ("OutputQuantity", 2.5m))), run);
            told[language] = Assert.Single(run.Failures()).Message!;
        }

        Assert.Equal("Rad 7: artikel BIKE-1, utflöde 2,5", told["sv"]); // the decimal comma of the batch's language
        Assert.Equal("Row 7: BIKE-1 failed", told["nb"]); // no Norwegian message: ErrorMessage
        Assert.Equal("Row 7: BIKE-1 failed", told["en"]);
    }

    [Fact]
    public void AMisspeltPlaceholderOfATranslatedMessageIsFoundAtLoadWithItsLine()
    {
        var error = CompileError(RuleFiles.OneRule("true", "Row $(line.Row) failed", ",\n \"Properties\": { \"ErrorMessage.nb\": \"Rad $(line.Rad) feilet\" }"));

        Assert.Contains("'Rad'", error.Message);
        Assert.Equal(5, error.Where.Line);
    }

    [Fact]
    public void InvalidJsonIsReportedWithItsPosition()
    {
        var error = CompileError("{\n  \"WorkflowName\": \"output-reversal\",\n  \"Rules\": [ { \"RuleName\": \"R\" \"Expression\": \"true\" } ]\n}");

        Assert.Equal("RULE001", error.Code);
        Assert.Equal(3, error.Where.Line);
    }

    [Fact]
    public void AnUnknownFieldIsReportedWithTheNearestKnownName()
    {
        var error = CompileError(RuleFiles.OneRule("true", extra: ", \"ErrorMesage\": \"x\""));

        Assert.Equal(("RULE009", "unknown field 'ErrorMesage' in a rule; did you mean 'ErrorMessage'?"), (error.Code, error.Message));
    }

    [Fact]
    public void ARuleThatThrowsIsAFailureOfThatRuleOnThatLineAndTheOthersStillRun()
    {
        var ((workflow, problems), inputs) = RuleFiles.CompileFor(Temp, """
            {
              "WorkflowName": "output-reversal",
              "Rules": [
                { "RuleName": "Divides", "Expression": "1 / line.OutputQuantity > 0", "ErrorMessage": "Row $(line.Row) divides" },
                { "RuleName": "Nulls", "Expression": "line.DocumentNo.Length > 0", "ErrorMessage": "Row $(line.Row) has no document" },
                { "RuleName": "Fine", "Expression": "line.Row > 0" },
                { "RuleName": "Off", "Expression": "false", "Enabled": false }
              ]
            }
            """);
        Assert.Empty(problems);

        var outcomes = workflow!.Evaluate(inputs.For(inputs.Line(("Row", 7), ("DocumentNo", null), ("OutputQuantity", 0m))));

        Assert.Equal(["Divides", "Nulls", "Fine"], outcomes.Select(o => o.Rule.Name));
        Assert.Equal("Row 7 divides (the rule could not be evaluated: Attempted to divide by zero.)", outcomes[0].Message);
        Assert.StartsWith("Row 7 has no document (the rule could not be evaluated: Object reference not set to an instance of an object.", outcomes[1].Message);
        Assert.True(outcomes[2].Passed);
    }

    [Fact]
    public void GlobalAndLocalParamsAndNestedRulesAreEvaluated()
    {
        var ((workflow, problems), inputs) = RuleFiles.CompileFor(Temp, """
            {
              "WorkflowName": "output-reversal",
              "GlobalParams": [ { "Name": "Limit", "Expression": "100m" } ],
              "Rules": [
                {
                  "RuleName": "Within",
                  "LocalParams": [ { "Name": "q", "Expression": "line.OutputQuantity" }, { "Name": "twice", "Expression": "q * 2" } ],
                  "Expression": "twice <= Limit",
                  "ErrorMessage": "$(line.OutputQuantity) twice is over $(Limit)"
                },
                {
                  "RuleName": "Either", "Operator": "OrElse", "ErrorMessage": "neither",
                  "Rules": [ { "RuleName": "Big", "Expression": "line.OutputQuantity > 10" }, { "RuleName": "Named", "Expression": "line.ItemNo == \"A\"" } ]
                }
              ]
            }
            """);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var small = workflow!.Evaluate(inputs.For(inputs.Line(("OutputQuantity", 5m), ("ItemNo", "A"))));
        var large = workflow.Evaluate(inputs.For(inputs.Line(("OutputQuantity", 60m), ("ItemNo", "B"))));
        var neither = workflow.Evaluate(inputs.For(inputs.Line(("OutputQuantity", 2m), ("ItemNo", "B"))));

        Assert.All(small, o => Assert.True(o.Passed));
        Assert.Equal(("60 twice is over 100", true), (large[0].Message, large[1].Passed));
        Assert.Equal((true, false, "neither"), (neither[0].Passed, neither[1].Passed, neither[1].Message));
    }

    [Fact]
    public void APostingDateOutsideThePeriodSetInGlobalParamsIsRefused()
    {
        var rules = RuleFiles.ShippedWith(Temp, "DateOnly(2026, 11, 1)", "DateOnly(2026, 11, 30)");
        var db = Temp.File("l.db");
        var runtime = TestHost.Own(db, rules: rules);
        var path = OutputJournal.New().Output(1, 1).Output(2, 2, date: new DateOnly(2026, 12, 1)).Output(3, 3, date: new DateOnly(2026, 10, 31)).WriteTo(Temp.File("period.xlsx"));

        var outcome = new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = path });

        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Equal(
            ["Row 3: Posting Date 2026-12-01 is not within the allowed posting period 2026-11-01 to 2026-11-30.", "Row 4: Posting Date 2026-10-31 is not within the allowed posting period 2026-11-01 to 2026-11-30."],
            outcome.Errors.Select(e => e.Message));
        Assert.Equal(0, LedgerQueries.Count(db, "item_entry"));
    }

    [Fact]
    public void AWarningIsReportedButDoesNotBlockPosting()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.OutputQuantity < 5", "Row $(line.Row): unusually large output $(line.OutputQuantity)", ", \"Properties\": { \"Severity\": \"Warning\" }"));
        var db = Temp.File("l.db");
        var path = OutputJournal.New().Output(9, 1).WriteTo(Temp.File("w.xlsx"));

        var outcome = new PostingPipeline(TestHost.Own(db, rules: rules)).Run(new PostingRequest { WorkbookPath = path });

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal((Severity.Warning, "Row 2: unusually large output 9"), (warning.Severity, warning.Message));
        Assert.Equal(1, LedgerQueries.Count(db, "item_entry"));
    }

    private static string SourceLocationText(Problem problem) => problem.Where.ToString();
}
