using System.Diagnostics;

namespace PluginHost.Tests.Support;

/// <summary>The real `pluginhost` as a child process, for tests that kill it or run two at once.</summary>
public static class CliProcess
{
    public static Process Start(params string[] args) => StartAs([], args);

    /// <summary>Starts pluginhost through a launcher such as <c>setpriv --reuid=65534</c> (nothing: started directly).</summary>
    public static Process StartAs(string[] launcher, string[] args)
    {
        var start = new ProcessStartInfo(launcher.Length == 0 ? "dotnet" : launcher[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in launcher.Skip(1).Append("dotnet").Skip(launcher.Length == 0 ? 1 : 0))
            start.ArgumentList.Add(word);
        start.ArgumentList.Add(Path.Combine(TestHost.Folder, "pluginhost.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end (at most a minute) and returns the exit code and both outputs.</summary>
    public static (int ExitCode, string Out, string Error) Run(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("pluginhost did not finish within a minute");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
