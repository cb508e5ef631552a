using System.CommandLine;
using System.Globalization;
using PluginHost.Cli.Bench;
using PluginHost.Cli.Output;
using PluginHost.Engine.Benchmarking;
using PluginHost.Engine.Posting;

namespace PluginHost.Cli.Commands;

/// <summary>
/// <c>bench</c>: posts synthetic journals of N lines per plugin into fresh temporary databases, timing each stage of the
/// pipeline against the floors measured in the same run, then times whole <c>post</c> runs of a small workbook
/// (docs/performance.md). Writes only under the temp folder, and removes what it wrote.
/// </summary>
internal static class BenchCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var plugin = new Option<string?>("--plugin") { Description = $"The plugin to bench: {string.Join(", ", SyntheticJournals.Plugins)} (else all three, one after another)" };
        var lines = new Option<int>("--lines") { Description = "Lines per plugin: half originals, half their corrections", DefaultValueFactory = _ => 10_000 };
        var startupRuns = new Option<int>("--startup-runs") { Description = $"Runs of `pluginhost post` of a {StartupBench.Lines}-line workbook after the first (0: none)", DefaultValueFactory = _ => 3 };
        var json = CommonOptions.Json("Write one JSON object to stdout; the table goes to stderr");
        var command = new Command("bench", "Time the posting pipeline per stage against the floors of reading the workbook and inserting the entries") { plugin, lines, startupRuns, json };
        return (command, context =>
        {
            var p = context.Parse;
            var asJson = p.GetValue(json);
            var human = context.Human(asJson);
            var count = p.GetValue(lines);
            var runs = p.GetValue(startupRuns);
            var chosen = p.GetValue(plugin);
            if (count < 2 || runs < 0 || (chosen is not null && !SyntheticJournals.Plugins.Contains(chosen)))
            {
                context.Error.WriteLine($"error: --lines must be at least 2, --startup-runs at least 0, and --plugin one of {string.Join(", ", SyntheticJournals.Plugins)}");
                return ExitCodes.BadInput;
            }
            var folder = Path.Combine(Path.GetTempPath(), "pluginhost-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var results = new List<BenchResult>();
                foreach (var name in chosen is null ? SyntheticJournals.Plugins : [chosen])
                {
                    human.WriteLine($"{name}: {count:N0} lines ...");
                    var result = PipelineBench.Run(context.Runtime, name, count, folder);
                    results.Add(result);
                    BenchPrinter.Print(human, result);
                }
                var startup = runs > 0 ? StartupBench.Run(context.Folders, folder, runs) : null;
                if (startup is not null)
                    BenchPrinter.Print(human, startup);
                if (asJson)
                    Json.Write(context.Out, BenchJson.From(count, results, startup));
                return ExitCodes.Done;
            }
            catch (InvalidOperationException ex)
            {
                context.Error.WriteLine($"error: the bench could not run as designed: {ex.Message}");
                return ExitCodes.Configuration;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        });
    }
}

/// <summary>The bench as people read it.</summary>
internal static class BenchPrinter
{
    public static void Print(TextWriter writer, BenchResult r)
    {
        var total = r.EndToEnd.TotalSeconds;
        writer.WriteLine($"  {"stage",-10} {"seconds",9} {"share",6}");
        foreach (var (stage, time) in r.Stages.All)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {BenchJson.Name(stage),-10} {time.TotalSeconds,9:F3} {time.TotalSeconds / total,6:P0}"));
        writer.WriteLine("  (read, map, lookahead, lookups and rules run on a reading thread beside posting; waiting is the posting thread waiting for its lines)");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"end-to-end",-10} {total,9:F3}         {r.Lines:N0} lines, {r.LinesPerSecond:N0} lines/s, {r.EntryCount:N0} entries ({string.Join(", ", r.Entries.Where(e => e.Value > 0).Select(e => $"{e.Value:N0} {e.Key}"))})"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  floors, the quicker of two runs each: read every cell {r.ReadFloor.TotalSeconds:F3} s {Runs(r.ReadFloors)} + insert {r.EntryCount:N0} entries {r.InsertFloor.TotalSeconds:F3} s {Runs(r.InsertFloors)} = {(r.ReadFloor + r.InsertFloor).TotalSeconds:F3} s; ratio end-to-end / floors {r.Ratio:F2}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  peak working set while posting {r.PostingPeakWorkingSet / 1048576.0:N0} MB (process peak, writing the workbooks included, {r.PeakWorkingSet / 1048576.0:N0} MB); refused run: {r.Refused.Lines} lines, {r.Refused.RefusedLines} refused, {r.Refused.Status} with {r.Refused.Errors} errors in {r.Refused.Time.TotalSeconds:F3} s; workbooks written in {r.Generate.TotalSeconds:F1} s"));
    }

    public static void Print(TextWriter writer, StartupTimes s) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"post of {s.Lines} lines, whole process ({s.Program}): first run {Seconds(s.Cold)}; the runs after it {Seconds(s.Warm)}"));

    private static string Runs(IReadOnlyList<TimeSpan> times) =>
        string.Create(CultureInfo.InvariantCulture, $"({string.Join(" and ", times.Select(t => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)))})");

    private static string Seconds(IReadOnlyList<TimeSpan> times) =>
        string.Create(CultureInfo.InvariantCulture, $"median {BenchJson.Median(times):F2} s ({string.Join(", ", times.Select(t => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))})");
}

/// <summary>The bench as programs read it: one JSON object, times in seconds.</summary>
internal static class BenchJson
{
    public static string Name(PostingStage stage) => stage.ToString().ToLowerInvariant();

    public static double Median(IReadOnlyList<TimeSpan> times) => times.Select(t => t.TotalSeconds).Order().ElementAt(times.Count / 2);

    public static object From(int lines, IReadOnlyList<BenchResult> results, StartupTimes? startup) => new
    {
        lines,
        machine = new { processors = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription },
        plugins = results.Select(r => new
        {
            plugin = r.Plugin,
            lines = r.Lines,
            statuses = r.Statuses,
            stages = r.Stages.All.ToDictionary(s => Name(s.Stage), s => Math.Round(s.Time.TotalSeconds, 6)),
            endToEndSeconds = Math.Round(r.EndToEnd.TotalSeconds, 6),
            linesPerSecond = Math.Round(r.LinesPerSecond, 1),
            entries = r.Entries,
            entryCount = r.EntryCount,
            floors = new { readSeconds = Math.Round(r.ReadFloor.TotalSeconds, 6), insertSeconds = Math.Round(r.InsertFloor.TotalSeconds, 6), sumSeconds = Math.Round((r.ReadFloor + r.InsertFloor).TotalSeconds, 6), readRunsSeconds = r.ReadFloors.Select(t => Math.Round(t.TotalSeconds, 6)), insertRunsSeconds = r.InsertFloors.Select(t => Math.Round(t.TotalSeconds, 6)) },
            ratio = Math.Round(r.Ratio, 3),
            peakWorkingSetBytes = r.PeakWorkingSet,
            postingPeakWorkingSetBytes = r.PostingPeakWorkingSet,
            refused = new { lines = r.Refused.Lines, refusedLines = r.Refused.RefusedLines, status = r.Refused.Status, errors = r.Refused.Errors, seconds = Math.Round(r.Refused.Time.TotalSeconds, 6) },
            generateSeconds = Math.Round(r.Generate.TotalSeconds, 3),
        }),
        startup = startup is null ? null : new
        {
            lines = startup.Lines,
            program = startup.Program,
            coldSeconds = startup.Cold.Select(t => Math.Round(t.TotalSeconds, 3)),
            warmSeconds = startup.Warm.Select(t => Math.Round(t.TotalSeconds, 3)),
            coldMedianSeconds = Math.Round(Median(startup.Cold), 3),
            warmMedianSeconds = Math.Round(Median(startup.Warm), 3),
        },
    };
}
