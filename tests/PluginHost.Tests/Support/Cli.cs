using PluginHost.Cli;

namespace PluginHost.Tests.Support;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The test host's folders as options, so the run does not depend on environment variables.</summary>
    public static string[] Folders(string database, string? plugins = null, string? rules = null) =>
        ["--db", database, "--plugins", plugins ?? TestHost.PluginsFolder, "--rules", rules ?? TestHost.RulesFolder, "--templates", TestHost.TemplatesFolder];
}
