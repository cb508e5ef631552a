using System.Diagnostics;
using PluginHost.Engine.Benchmarking;
using PluginHost.Engine.Configuration;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Cli.Bench;

/// <summary>Wall times of whole <c>pluginhost post</c> runs of a small workbook, each in a fresh database.</summary>
/// <param name="Lines">Lines in the workbook.</param>
/// <param name="Cold">The first run of the program in this bench: nothing of it cached by the runs before.</param>
/// <param name="Warm">The runs after it. Nothing is cached between runs by PluginHost itself: every run parses and compiles the rules.</param>
/// <param name="Program">The program run.</param>
internal sealed record StartupTimes(int Lines, IReadOnlyList<TimeSpan> Cold, IReadOnlyList<TimeSpan> Warm, string Program);

/// <summary>
/// Runs the real <c>pluginhost</c> next to the running one as a child process: what a user waits for when posting a small
/// workbook, start-up, JIT, plugin loading and rule compilation included.
/// </summary>
internal static class StartupBench
{
    public const int Lines = 20;

    public static StartupTimes Run(HostFolders folders, string folder, int runs)
    {
        var workbook = Path.Combine(folder, "startup.xlsx");
        XlsxWriter.Write(workbook, SyntheticJournals.Originals("output-reversal", Lines));
        var cold = new List<TimeSpan> { Post(folders, folder, workbook, "cold") };
        var warm = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
            warm.Add(Post(folders, folder, workbook, $"warm-{i}"));
        return new StartupTimes(Lines, cold, warm, string.Join(' ', Command([]).Select(Path.GetFileName)));
    }

    private static TimeSpan Post(HostFolders folders, string folder, string workbook, string name)
    {
        var args = new[]
        {
            "post", workbook, "--plugin", "output-reversal", "--db", Path.Combine(folder, name + ".db"), "--report", Path.Combine(folder, name + ".report.html"),
            "--plugins", folders.Plugins, "--rules", folders.Rules, "--templates", folders.Templates, "--json",
        };
        var command = Command(args);
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
            start.ArgumentList.Add(arg);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{string.Join(' ', command)} did not finish within two minutes");
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        return elapsed;
    }

    /// <summary>The apphost next to this program, else <c>dotnet pluginhost.dll</c> (as in a test's output folder without one).</summary>
    private static IReadOnlyList<string> Command(IEnumerable<string> args)
    {
        var folder = AppContext.BaseDirectory;
        var apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "pluginhost.exe" : "pluginhost");
        return File.Exists(apphost) ? [apphost, .. args] : ["dotnet", Path.Combine(folder, "pluginhost.dll"), .. args];
    }
}
