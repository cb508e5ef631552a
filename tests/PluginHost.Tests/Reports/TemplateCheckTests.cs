using System.Runtime.CompilerServices;
using System.Text.Json;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>
/// <c>pluginhost templates check</c> as a consultant runs it: every problem of every template at once, each at its
/// file, line and column, in the terms of the report model. The broken templates are in Golden/template-check/; what
/// the command says of them is the golden file Golden/template-check.txt.
/// </summary>
public sealed class TemplateCheckTests : TempFolderTest
{
    [Fact]
    public void TheShippedTemplatesCheckCleanAndRenderASampleBatchInEveryLanguage()
    {
        var result = Support.Cli.Run("templates", "check", "--templates", TestHost.TemplatesFolder, "--plugins", TestHost.PluginsFolder);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        Assert.EndsWith("ok, 4 report templates checked and rendered with a sample batch in en, sv, nb", result.Out.Trim());
    }

    [Fact]
    public void EveryProblemOfBrokenTemplatesIsSaidAtOnceAtItsPlace()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        foreach (var file in Directory.GetFiles(Golden("template-check")))
            File.Copy(file, Path.Combine(templates, Path.GetFileName(file)), overwrite: true);

        var result = Support.Cli.Run("templates", "check", "--templates", templates, "--plugins", TestHost.PluginsFolder);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        var said = (result.Out + result.Error).Replace(templates, "templates", StringComparison.Ordinal).ReplaceLineEndings("\n");
        GoldenFile.Verify(Golden("template-check.txt"), Golden("template-check.received.txt"), said);
    }

    [Fact]
    public void AsJsonEachProblemCarriesItsFileLineAndColumn()
    {
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.WriteAllText(Path.Combine(templates, "output-reversal.sbn-html"), "<p>\n  {{ Batch.Usr }}</p>");

        var result = Support.Cli.Run("templates", "check", "--json", "--templates", templates, "--plugins", TestHost.PluginsFolder);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        var problem = JsonDocument.Parse(result.Out).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal(("TEMPLATE004", 2, 12), (problem.GetProperty("code").GetString(), problem.GetProperty("line").GetInt32(), problem.GetProperty("position").GetInt32()));
        Assert.StartsWith("'Usr' is not a field of Batch; did you mean 'User'?", problem.GetProperty("message").GetString());
    }

    private static string Golden(string name, [CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Golden", name);
}
