using PluginHost.Tests.Support;

namespace PluginHost.Tests.Rules;

/// <summary>
/// What a malicious or careless rule author could try (docs/rules.md, "Allow-list" and "Limits"): every attempt is
/// refused when the file is loaded, with a clear diagnostic at the line and column of the offending name. Nothing
/// here is ever evaluated. RuleCompilationTests.ForbiddenCodeIsRefusedAtLoadWithItsPosition has six more.
/// </summary>
public sealed class EscapeAttemptTests : TempFolderTest
{
    /// <summary>Column of the expression's first character in <see cref="RuleFiles.OneRule"/>, whose rule is on line 4.</summary>
    private const int ExpressionColumn = 39;

    [Theory]
    // files
    [InlineData("""global::System.IO.File.ReadAllText(\"/etc/passwd\").Length > 0""", "RULE030", "'System.IO.File' is not allowed in rules", "File.")]
    [InlineData("""System.IO.Directory.GetFiles(\"/\").Length > 0""", "RULE030", "'System.IO.Directory' is not allowed in rules", "Directory")]
    [InlineData("""new System.IO.FileInfo(\"/etc/passwd\").Exists""", "RULE030", "creating a System.IO.FileInfo is not allowed in rules", "new")]
    // processes
    [InlineData("""System.Diagnostics.Process.Start(\"sh\") != null""", "RULE030", "'System.Diagnostics.Process' is not allowed in rules", "Process")]
    // reflection
    [InlineData("""Type.GetType(\"System.IO.File\") != null""", "RULE030", "'System.Type' is not allowed in rules", "Type")]
    [InlineData("""System.Reflection.Assembly.Load(\"System.IO\") != null""", "RULE030", "'System.Reflection.Assembly' is not allowed in rules", "Assembly")]
    [InlineData("""Activator.CreateInstance<List<int>>() != null""", "RULE030", "'System.Activator' is not allowed in rules", "Activator")]
    [InlineData("""((Func<int>)(() => 1)).Method != null""", "RULE030", "'System.Func<int>' is not allowed in rules", "Func")]
    [InlineData("""new PluginHost.Plugins.OutputReversal.OutputReversalPlugin().RuleInputs[0].Type.Assembly != null""", "RULE030", "creating a PluginHost.Plugins.OutputReversal.OutputReversalPlugin is not allowed in rules", "new")]
    [InlineData("""new PluginHost.Plugins.OutputReversal.OutputReversalPlugin().Post(null, null) != null""", "RULE030", "creating a PluginHost.Plugins.OutputReversal.OutputReversalPlugin is not allowed in rules", "new")]
    [InlineData("""new string('x', 1000000000).Length > 0""", "RULE030", "creating a string is not allowed in rules", "new")]
    [InlineData("""new int[int.MaxValue].Length > 0""", "RULE030", "an array of a given size is not allowed in rules; list its items: new[] { 1, 2 }", "new")]
    [InlineData("""Enumerable.Repeat(1, int.MaxValue).Sum() > 0""", "RULE030", "'System.Linq.Enumerable.Repeat' can run for ever and is not allowed in rules", "Repeat")]
    // the environment
    [InlineData("""Environment.GetEnvironmentVariable(\"PATH\") != null""", "RULE030", "'System.Environment' is not allowed in rules", "Environment")]
    [InlineData("""new[] { 1 }.All(x => { Environment.Exit(1); return true; })""", "RULE030", "'System.Environment' is not allowed in rules", "Environment")]
    // threads
    [InlineData("""new[] { 1 }.All(x => { System.Threading.Thread.Sleep(10000); return true; })""", "RULE030", "'System.Threading.Thread' is not allowed in rules", "Thread.Sleep")]
    [InlineData("""System.Threading.Tasks.Task.Run(() => true).Result""", "RULE030", "'System.Threading.Tasks.Task' is not allowed in rules", "Task.Run")]
    // the runtime and the host
    [InlineData("""AppDomain.CurrentDomain.GetAssemblies().Length > 0""", "RULE030", "'System.AppDomain' is not allowed in rules", "AppDomain")]
    [InlineData("""new[] { 1 }.All(x => { GC.Collect(); return true; })""", "RULE030", "'System.GC' is not allowed in rules", "GC")]
    [InlineData("""Console.ReadLine() != null""", "RULE030", "'System.Console' is not allowed in rules", "Console")]
    [InlineData("""System.Runtime.InteropServices.Marshal.SystemDefaultCharSize > 0""", "RULE030", "'System.Runtime.InteropServices.Marshal' is not allowed in rules", "Marshal")]
    [InlineData("""PluginHost.Engine.Rules.Compilation.RuleCompiler.MaxExpressionLength > 0""", "RULE030", "'PluginHost.Engine.Rules.Compilation.RuleCompiler' is not allowed in rules", "RuleCompiler")]
    // language features that lead around the allow-list
    [InlineData("""((dynamic)line).Row > 0""", "RULE030", "dynamic is not allowed in rules", "dynamic")]
    [InlineData("""(int*)null == null""", "RULE020", "rule 'R': Pointers and fixed size buffers may only be used in an unsafe context [CS0214]", "int*")]
    [InlineData("""stackalloc int[1].Length > 0""", "RULE030", "unsafe code is not allowed in rules", "stackalloc")]
    [InlineData("""__refvalue(__makeref(line), object) != null""", "RULE030", "references (__makeref, ref) are not allowed in rules", "__refvalue")]
    [InlineData("""line.Row > 0 ? true : throw null""", "RULE030", "'throw null' is not allowed in rules", "throw")]
    // objects of types that are not allowed
    [InlineData("""new System.Net.WebClient() != null""", "RULE030", "creating a System.Net.WebClient is not allowed in rules", "new")]
    [InlineData("""new Random().Next() > 0""", "RULE030", "creating a System.Random is not allowed in rules", "new")]
    public void AnEscapeAttemptIsRefusedAtLoadWithItsPosition(string expression, string code, string message, string at)
    {
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(expression));

        Assert.Null(workflow);
        var error = problems[0];
        Assert.All(problems, p => Assert.Equal(code, p.Code));
        Assert.Equal(
            (code, message, 4, ExpressionColumn + expression.IndexOf(at, StringComparison.Ordinal)),
            (error.Code, error.Message, error.Where.Line, error.Where.Position));
    }

    [Theory]
    [InlineData("Enumerable.Range(0, int.MaxValue).Count() > 0")]
    [InlineData("new[] { 1 }.All(x => { while (true) { } })")]
    public void AnExpressionThatRunsForeverIsRefusedAtLoad(string expression)
    {
        // Each line is checked synchronously while posting: an expression that never ends hangs the whole batch.
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(expression));

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        Assert.Equal(("RULE030", 4), (error.Code, error.Where.Line));
        Assert.EndsWith("is not allowed in rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExpressionCannotCloseItsParenthesisAndAddStatements()
    {
        // Generated as "__r0 = (true); return; //);": the method returns and every later rule counts as passed.
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
        // A parameter's Name is written into the generated code as "var NAME = (...)"; the allow-list checks only
        // expressions, so a name holding statements would run whatever it names.
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
        var json = RuleFiles.OneRule("true", "on $(Environment.MachineName)");
        var (workflow, problems) = RuleFiles.Compile(Temp, json);

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        var column = json.Split('\n')[3].IndexOf("Environment", StringComparison.Ordinal) + 1;
        Assert.Equal(("RULE030", "'System.Environment' is not allowed in rules", 4, column), (error.Code, error.Message, error.Where.Line, error.Where.Position));
    }

    [Fact]
    public void AForbiddenCallInAnOutputExpressionIsRefused()
    {
        const string Action = """, "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "System.IO.File.Exists(\"x\")" } } }""";
        var json = RuleFiles.OneRule("true", extra: Action);
        var (workflow, problems) = RuleFiles.Compile(Temp, json);

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        var line4 = json.Split('\n')[3];
        var column = line4.IndexOf("System.IO.File", StringComparison.Ordinal) + "System.IO.".Length + 1;
        Assert.Equal(("RULE030", "'System.IO.File' is not allowed in rules", 4, column), (error.Code, error.Message, error.Where.Line, error.Where.Position));
    }

    [Fact]
    public void AHugeExpressionIsRefused()
    {
        var expression = "line.Row > 0" + string.Concat(Enumerable.Repeat(" && line.Row > 0", 200));
        var (workflow, problems) = RuleFiles.Compile(Temp, RuleFiles.OneRule(expression));

        Assert.Null(workflow);
        var error = Assert.Single(problems);
        Assert.Equal(
            ("RULE031", "the expression of 'R' is 3212 characters long; at most 2000 are allowed", 4, ExpressionColumn),
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
            ("RULE032", "the expression of 'R' nests 103 levels deep; at most 48 are allowed", 4, ExpressionColumn),
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
