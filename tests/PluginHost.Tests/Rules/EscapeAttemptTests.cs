using PluginHost.Tests.Support;

namespace PluginHost.Tests.Rules;

/// <summary>
/// What a malicious or careless rule author could try (docs/rules.md, "Allow-list" and "Limits"): every attempt is
/// refused when the file is loaded, with a clear diagnostic at the line and column of the offending name. Nothing
/// here is ever evaluated. The expressions are RulesEngine's language; C# that it does not read is refused by its parser.
/// </summary>
public sealed class EscapeAttemptTests : TempFolderTest
{
    /// <summary>Column of the expression's first character in <see cref="RuleFiles.OneRule"/>, whose rule is on line 4.</summary>
    private const int ExpressionColumn = 39;

    [Theory]
    // reflection: RulesEngine's own type provider lets these through; the allow-list refuses them over the parsed tree
    [InlineData("""line.GetType().Assembly.Location != null""", "RULE030", "rule 'R': 'GetType' is not allowed in rules: it leads to reflection", "GetType")]
    [InlineData("""\"\".GetType().Assembly.Location != null""", "RULE030", "rule 'R': 'GetType' is not allowed in rules: it leads to reflection", "GetType")]
    [InlineData("""np(line.DocumentNo.GetType().Assembly) != null""", "RULE030", "rule 'R': 'GetType' is not allowed in rules: it leads to reflection", "GetType")]
    [InlineData("""Convert.ChangeType(line.Row, line.OutputQuantity.GetTypeCode()) != null""", "RULE030", "rule 'R': 'GetTypeCode' is not allowed in rules: it leads to reflection", "GetTypeCode")]
    // sequences that run for ever or grow without limit
    [InlineData("""Enumerable.Repeat(1, int.MaxValue).Sum() > 0""", "RULE030", "rule 'R': 'Repeat' is not allowed in rules: it can run for ever", "Repeat")]
    [InlineData("""Enumerable.Range(1, 3).Sum() > 0""", "RULE030", "rule 'R': 'Range' is not allowed in rules: it can run for ever", "Range")]
    // types the language does not know at all are unknown names, refused by the parser itself
    [InlineData("""System.IO.File.ReadAllText(\"/etc/passwd\").Length > 0""", "RULE020", "rule 'R': 'System' is not an input, GlobalParam or LocalParam here", "System")]
    [InlineData("""Environment.GetEnvironmentVariable(\"PATH\") != null""", "RULE020", "rule 'R': 'Environment' is not an input, GlobalParam or LocalParam here", "Environment")]
    [InlineData("""AppDomain.CurrentDomain.GetAssemblies().Length > 0""", "RULE020", "rule 'R': 'AppDomain' is not an input, GlobalParam or LocalParam here", "AppDomain")]
    [InlineData("""Activator.CreateInstance(\"System.IO\", \"File\") != null""", "RULE020", "rule 'R': 'Activator' is not an input, GlobalParam or LocalParam here", "Activator")]
    [InlineData("""PluginHost.Engine.Rules.Compilation.RuleCompiler.MaxExpressionLength > 0""", "RULE020", "rule 'R': 'PluginHost' is not an input, GlobalParam or LocalParam here", "PluginHost")]
    // the network: the language knows Uri, the allow-list does not let a rule make one
    [InlineData("Uri(\\\"http://example.com/\\\").Host != \\\"\\\"", "RULE030", "rule 'R': a value of type 'System.Uri' is not allowed in rules", "Uri")]
    public void AnEscapeAttemptIsRefusedAtLoadWithItsPosition(string expression, string code, string message, string at)
    {
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(expression));

        Assert.Null(workflow);
        var error = problems[0];
        Assert.All(problems, p => Assert.Equal(code, p.Code));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((4, ExpressionColumn + expression.IndexOf(at, StringComparison.Ordinal)), (error.Where.Line ?? 0, error.Where.Position ?? 0));
    }

    [Theory]
    [InlineData("Enumerable.Range(0, int.MaxValue).Count() > 0")]
    public void AnExpressionThatRunsForeverIsRefusedAtLoad(string expression)
    {
        // Each line is checked synchronously while posting: an expression that never ends hangs the whole batch.
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(expression));

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        Assert.Equal(("RULE030", 4), (error.Code, error.Where.Line));
        Assert.Contains("is not allowed in rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpressionCannotCloseItsParenthesisAndAddStatements()
    {
        // Were rules ever pasted into code, "true); return; //" would end the method; the parser reads one expression or nothing.
        const string Expression = "true); return; //";
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(Expression));

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        Assert.Equal(("RULE020", 4), (error.Code, error.Where.Line));
        Assert.StartsWith("rule 'R': ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LocalParams")]
    [InlineData("GlobalParams")]
    public void CodeInAParameterNameIsRefused(string field)
    {
        // A parameter's name must be a name an expression can use: anything else could never be read, or could read as code.
        var parameter = $$"""
            "{{field}}": [
                { "Name": "q = 0; var found = System.IO.File.Exists(nameof(q)); var q2", "Expression": "1" }
              ]
            """;
        var json = field == "GlobalParams"
            ? $$"""
                {
                  "WorkflowName": "output-reversal",
                  {{parameter}},
                  "Rules": [ { "RuleName": "R", "Expression": "true" } ]
                }
                """
            : $$"""
                {
                  "WorkflowName": "output-reversal",
                  "Rules": [ { "RuleName": "R", {{parameter}}, "Expression": "true" } ]
                }
                """;
        var (workflow, problems) = RuleFiles.Compile(Temp, json);

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        Assert.Equal(4, error.Where.Line);
        Assert.Equal("RULE014", error.Code);
        Assert.Contains("parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AForbiddenNameInAMessagePlaceholderIsRefused()
    {
        var json = RuleFiles.OneRule("true", "on $(System.Environment.MachineName)");
        var (workflow, problems) = RuleFiles.Compile(Temp, json);

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        var column = json.Split('\n')[3].IndexOf("System", StringComparison.Ordinal) + 1;
        Assert.Equal(("RULE020", 4, column), (error.Code, error.Where.Line, error.Where.Position));
        Assert.StartsWith("ErrorMessage of rule 'R': 'System' is not an input, GlobalParam or LocalParam here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AForbiddenCallInAnOutputExpressionIsRefused()
    {
        const string Action = """, "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "line.GetType().Assembly.Location" } } }""";
        var json = RuleFiles.OneRule("true", extra: Action);
        var (workflow, problems) = RuleFiles.Compile(Temp, json);

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        var line4 = json.Split('\n')[3];
        var column = line4.IndexOf("GetType", StringComparison.Ordinal) + 1;
        Assert.Equal(("RULE030", "OutputExpression of rule 'R': 'GetType' is not allowed in rules: it leads to reflection", 4, column), (error.Code, error.Message, error.Where.Line, error.Where.Position));
    }

    [Fact]
    public void AHugeExpressionIsRefused()
    {
        var expression = "line.Row > 0" + string.Concat(Enumerable.Repeat(" && line.Row > 0", 200));
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(expression));

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        Assert.Equal(
            ("RULE031", "rule 'R': the expression is 3212 characters long; at most 2000 are allowed", 4, ExpressionColumn),
            (error.Code, error.Message, error.Where.Line, error.Where.Position));
    }

    [Fact]
    public void ADeeplyNestedExpressionIsRefused()
    {
        var expression = new string('(', 100) + "line.Row" + new string(')', 100) + " > 0";
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(expression));

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        Assert.Equal(
            ("RULE032", "rule 'R': the expression nests 100 brackets deep; at most 32 are allowed", 4, ExpressionColumn),
            (error.Code, error.Message, error.Where.Line, error.Where.Position));
    }

    [Fact]
    public void TextThatOnlyLooksDangerousLoads()
    {
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule("""\"System.IO.File\".Length > 0 && line.ItemNo != \"Environment.Exit(1)\" """));

        Assert.Empty(problems);
        Assert.NotNull(workflow);
    }
}
