using System.Diagnostics;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Engine.Benchmarking;

/// <summary>A refused batch posted after the others: it must come back rejected, with nothing written.</summary>
/// <param name="Lines">Lines in the workbook.</param>
/// <param name="RefusedLines">Lines a rule refuses.</param>
/// <param name="Status">The outcome's status (rejected, when all is well).</param>
/// <param name="Errors">Errors reported.</param>
/// <param name="Time">Its wall time in the pipeline.</param>
public sealed record RefusedRun(int Lines, int RefusedLines, string Status, int Errors, TimeSpan Time);

/// <summary>One plugin's bench: the pipeline's stages over originals and corrections, and the floors on the same files.</summary>
/// <param name="Plugin">The plugin.</param>
/// <param name="Lines">Lines posted: originals plus corrections.</param>
/// <param name="Statuses">The status of each posting (posted, when all is well).</param>
/// <param name="Stages">Time per stage, over both postings.</param>
/// <param name="EndToEnd">Wall time of both postings, from workbook path to report written.</param>
/// <param name="Entries">Entries written per ledger, over both postings.</param>
/// <param name="ReadFloors">Reading every cell of both workbooks with ExcelDataReader, once before the postings and once after.</param>
/// <param name="InsertFloors">Inserting as many entries as were posted, prepared, in one transaction, twice after the postings.</param>
/// <param name="Generate">Writing the workbooks (not part of the comparison).</param>
/// <param name="Refused">The refused batch.</param>
/// <param name="PeakWorkingSet">The process's peak working set after this plugin's bench, in bytes (writing the workbooks included).</param>
/// <param name="PostingPeakWorkingSet">The highest working set sampled while the batches were posted, in bytes.</param>
public sealed record BenchResult(
    string Plugin, int Lines, IReadOnlyList<string> Statuses, StageTimings Stages, TimeSpan EndToEnd, IReadOnlyDictionary<string, int> Entries,
    IReadOnlyList<TimeSpan> ReadFloors, IReadOnlyList<TimeSpan> InsertFloors, TimeSpan Generate, RefusedRun Refused, long PeakWorkingSet, long PostingPeakWorkingSet)
{
    /// <summary>
    /// The read floor: the quicker of its runs. On a shared machine one run of the same work took up to half as long
    /// again as another minutes apart; the quicker is nearer to what reading costs, and never flatters the ratio.
    /// </summary>
    public TimeSpan ReadFloor => ReadFloors.Min();

    /// <summary>The insert floor: the quicker of its runs, likewise.</summary>
    public TimeSpan InsertFloor => InsertFloors.Min();

    /// <summary>Entries written over every ledger.</summary>
    public int EntryCount => Entries.Values.Sum();

    /// <summary>Lines posted per second, end to end.</summary>
    public double LinesPerSecond => Lines / Math.Max(EndToEnd.TotalSeconds, 1e-9);

    /// <summary>End to end over the sum of the floors: 1 would be as fast as reading the file and inserting the entries.</summary>
    public double Ratio => EndToEnd.TotalSeconds / Math.Max((ReadFloor + InsertFloor).TotalSeconds, 1e-9);
}

/// <summary>
/// Times the real posting pipeline on synthetic journals (docs/performance.md): for a plugin and N lines, N/2 originals
/// posted into a fresh database, then N/2 corrections of them, each through <see cref="PostingPipeline"/> with stage timings
/// (after a warm-up of at most <see cref="WarmUpLines"/> lines, so that JIT compilation is not timed: <see cref="WarmUp"/>);
/// then a small batch in which some lines are refused (a refused line refuses its whole batch, so it is a run of its own,
/// kept out of the ratio); then the floors on the same files. Plugins, rules and templates are loaded before the clock
/// starts: start-up is measured apart, by running the program.
/// </summary>
public static class PipelineBench
{
    /// <summary>Lines of the refused run: one percent of the lines, at least ten, at most the corrections posted.</summary>
    public static int RefusedLines(int lines) => Math.Min(lines - (lines + 1) / 2, Math.Max(10, lines / 100));

    /// <summary>Every fifth line of the refused run is refused.</summary>
    public const int RefuseEvery = 5;

    /// <summary>Runs the bench for one plugin in <paramref name="folder"/> (which it fills with workbooks, reports and databases).</summary>
    /// <exception cref="InvalidOperationException">A posting did not come out as expected: the bench measured something else than it claims.</exception>
    public static BenchResult Run(HostRuntime runtime, string plugin, int lines, string folder)
    {
        if (lines < 2)
            throw new ArgumentOutOfRangeException(nameof(lines), lines, "the bench needs at least 2 lines: originals and their corrections");
        var originals = (lines + 1) / 2;
        var corrections = lines - originals;
        var refusedLines = RefusedLines(lines);
        var files = new[] { Path.Combine(folder, $"{plugin}-originals.xlsx"), Path.Combine(folder, $"{plugin}-corrections.xlsx") };
        var refusedFile = Path.Combine(folder, $"{plugin}-refused.xlsx");

        var generating = Stopwatch.GetTimestamp();
        XlsxWriter.Write(files[0], SyntheticJournals.Originals(plugin, originals));
        XlsxWriter.Write(files[1], SyntheticJournals.Corrections(plugin, corrections));
        XlsxWriter.Write(refusedFile, SyntheticJournals.Refused(plugin, refusedLines, RefuseEvery));
        var generate = Stopwatch.GetElapsedTime(generating);

        var host = runtime.With(Path.Combine(folder, $"{plugin}.db"));
        Preload(host, plugin);
        var pipeline = new PostingPipeline(host);
        WarmUp(runtime, plugin, Math.Min(lines, WarmUpLines), folder);
        // The read floor once before the postings and once after, so that a machine slowed down for a while is seen in one of them.
        var readFloors = new List<TimeSpan> { Floors.ReadEveryCell(files).Time };
        // What writing the workbooks left behind is given back before the postings are sampled.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var sampler = new WorkingSetSampler();
        var stages = new StageTimings();
        var statuses = new List<string>();
        var entries = new Dictionary<string, int>();
        var endToEnd = TimeSpan.Zero;
        foreach (var file in files)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = pipeline.Run(Request(plugin, file, stages));
            endToEnd += Stopwatch.GetElapsedTime(started);
            if (outcome.Status != PostingStatus.Posted)
                throw new InvalidOperationException($"the bench's {Path.GetFileName(file)} was not posted but {outcome.Status}: {string.Join("; ", outcome.Problems.Take(3).Select(p => p.Message))}");
            statuses.Add(outcome.Status);
            foreach (var (ledger, count) in outcome.Entries)
                entries[ledger] = entries.GetValueOrDefault(ledger) + count;
        }

        var refusedStarted = Stopwatch.GetTimestamp();
        var refused = pipeline.Run(Request(plugin, refusedFile, timings: null));
        var refusedTime = Stopwatch.GetElapsedTime(refusedStarted);
        if (refused.Status != PostingStatus.Rejected || refused.Entries.Values.Any(count => count > 0))
            throw new InvalidOperationException($"the bench's refused batch came out {refused.Status}, not rejected with nothing posted");

        var postingPeak = sampler.Peak;
        var entryCount = entries.Values.Sum();
        TimeSpan InsertFloor(int run) => Floors.InsertEntries(Path.Combine(folder, $"{plugin}-floor-{run}.db"), entryCount);
        var insertFloors = new List<TimeSpan> { InsertFloor(1) };
        readFloors.Add(Floors.ReadEveryCell(files).Time);
        insertFloors.Add(InsertFloor(2));
        using var process = Process.GetCurrentProcess();
        return new BenchResult(plugin, lines, statuses, stages, endToEnd, entries, readFloors, insertFloors, generate,
            new RefusedRun(refusedLines, SyntheticJournals.RefusedCount(refusedLines, RefuseEvery), refused.Status, refused.Errors.Count(), refusedTime),
            process.PeakWorkingSet64, postingPeak);
    }

    /// <summary>Lines of the warm-up journals: enough for the hot code to be compiled at its final tier before the clock starts.</summary>
    public const int WarmUpLines = 10_000;

    /// <summary>
    /// Posts originals and corrections of <paramref name="lines"/> lines into databases of their own, and runs both floors
    /// on them, untimed, twice, each time until the runtime has stopped compiling (<see cref="JitSettling"/>). The .NET
    /// runtime compiles a method quickly first and again, optimised, on a background thread once it has run often (tiered
    /// compilation); it starts counting a method's calls only after 100 ms without new methods, so one pass through a
    /// posting that keeps meeting new code (the report, the commit, the next file) left most of the optimising to be done
    /// while the clock ran: on this 2-core machine the compiler's thread then took a quarter of a core from the timed
    /// postings, and the first file was read with unoptimised code, while the floors, then run last, found their code optimised.
    /// Warmed up alike, both are timed as a long-running process runs them.
    /// </summary>
    private static void WarmUp(HostRuntime runtime, string plugin, int lines, string folder)
    {
        var originals = (lines + 1) / 2;
        var files = new[] { Path.Combine(folder, $"{plugin}-warm-up-originals.xlsx"), Path.Combine(folder, $"{plugin}-warm-up-corrections.xlsx") };
        XlsxWriter.Write(files[0], SyntheticJournals.Originals(plugin, originals));
        XlsxWriter.Write(files[1], SyntheticJournals.Corrections(plugin, lines - originals));
        for (var round = 1; round <= 2; round++)
        {
            var pipeline = new PostingPipeline(runtime.With(Path.Combine(folder, $"{plugin}-warm-up-{round}.db")));
            foreach (var file in files)
            {
                var outcome = pipeline.Run(Request(plugin, file, timings: null));
                if (outcome.Status != PostingStatus.Posted)
                    throw new InvalidOperationException($"the bench's warm-up {Path.GetFileName(file)} was not posted but {outcome.Status}: {string.Join("; ", outcome.Problems.Take(3).Select(p => p.Message))}");
            }
            Floors.ReadEveryCell(files);
            Floors.InsertEntries(Path.Combine(folder, $"{plugin}-warm-up-floor-{round}.db"), 2 * lines);
            JitSettling.Wait();
        }
    }

    private static PostingRequest Request(string plugin, string file, StageTimings? timings) => new()
    {
        WorkbookPath = file,
        Plugin = plugin,
        User = "bench",
        Timings = timings,
    };

    /// <summary>Loads the plugins, compiles (or loads from the cache) the plugin's rules and the templates, so the bench times posting, not start-up.</summary>
    private static void Preload(HostRuntime host, string plugin)
    {
        var loaded = host.Plugins.Find(plugin) ?? throw new InvalidOperationException($"plugin {plugin} is not loaded from {host.Folders.Plugins}");
        if (host.RulesFor(loaded).Workflow is null)
            throw new InvalidOperationException($"the rules of {plugin} do not load; run `pluginhost rules check`");
        var (reports, _) = host.Reports;
        reports?.Prepare(plugin);
    }
}
