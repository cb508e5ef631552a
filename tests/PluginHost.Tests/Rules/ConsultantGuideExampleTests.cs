using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Rules;

/// <summary>
/// Every JSON example of the consultants' guide (rules/README.md) loads against the real output-reversal plugin: a whole
/// workflow as it stands, a rule or a GlobalParams fragment inside a workflow of its own. A guide whose examples do not
/// load teaches the wrong language.
/// </summary>
public sealed partial class ConsultantGuideExampleTests : TempFolderTest
{
    public static TheoryData<int> Examples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < JsonBlocks().Count; i++)
            data.Add(i);
        return data;
    }

    [Fact]
    public void TheGuideHasItsExamples() => Assert.True(JsonBlocks().Count >= 5, $"only {JsonBlocks().Count} JSON examples in rules/README.md");

    [Theory]
    [MemberData(nameof(Examples))]
    public void EveryJsonExampleOfTheGuideLoadsWithoutAProblem(int example)
    {
        var block = JsonBlocks()[example].Trim();
        var workflow = block.Contains("\"WorkflowName\"", StringComparison.Ordinal) ? block
            : block.StartsWith("\"GlobalParams\"", StringComparison.Ordinal) ? $$"""{ "WorkflowName": "output-reversal", {{block}}, "Rules": [ { "RuleName": "Any", "Expression": "line.PostingDate == null || line.PostingDate >= AllowPostingFrom" } ] }"""
            : $$"""{ "WorkflowName": "output-reversal", "Rules": [ {{block}} ] }""";

        var (compiled, problems) = RuleFiles.Compile(Temp, workflow);

        Assert.True(problems.Count == 0, $"example {example} of rules/README.md:\n{block}\n{string.Join("\n", problems)}");
        Assert.NotNull(compiled);
    }

    private static List<string> JsonBlocks() =>
        [.. JsonBlock().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "rules", "README.md"))).Select(m => m.Groups[1].Value)];

    private static string RepositoryRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
