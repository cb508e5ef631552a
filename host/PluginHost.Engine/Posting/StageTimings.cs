using System.Diagnostics;

namespace PluginHost.Engine.Posting;

/// <summary>The stages of the posting pipeline that <see cref="StageTimings"/> times (docs/performance.md).</summary>
public enum PostingStage
{
    /// <summary>Checking paths, hashing the file (twice), previewing its sheets, choosing plugin and sheet, configuration, opening the store.</summary>
    Open,

    /// <summary>Reading the sheet's rows from the file (the .xlsx reader, or ExcelDataReader for .xls and .csv), on the reading thread beside the stages below.</summary>
    Read,

    /// <summary>Converting rows to typed journal lines (cell parsing), on the reading thread beside the stages below.</summary>
    Map,

    /// <summary>The plugin's fact look-ups made ahead, a chunk at a time, on the reading thread beside the stages below (<c>IBatchFactsLookAhead</c>).</summary>
    LookAhead,

    /// <summary>The posting thread waiting for the reading thread's next lines (checked, when they are checked there).</summary>
    Waiting,

    /// <summary>
    /// The plugin's fact look-ups in the ledger (taking what was looked up ahead, or looking it up here): on the reading
    /// thread beside the stages below when the ledger has a snapshot to check against (WAL), else (and for a plugin given
    /// every line at once) on the posting thread.
    /// </summary>
    Lookups,

    /// <summary>Evaluating the compiled rules and collecting their failures, on the same thread as <see cref="Lookups"/>.</summary>
    Rules,

    /// <summary>The batch record, the plugin's posting, writing and checking the entries, summing them for the report.</summary>
    Posting,

    /// <summary>Building, rendering, storing and writing the report.</summary>
    Report,

    /// <summary>Committing the transaction.</summary>
    Commit,
}

/// <summary>
/// Time spent per <see cref="PostingStage"/>, filled in by the pipeline when <see cref="PostingRequest.Timings"/> is set
/// (the <c>bench</c> command does). A request without one pays nothing: every per-line measurement is behind a null check.
/// One instance may collect several runs; the times add up.
/// </summary>
public sealed class StageTimings
{
    private readonly long[] _ticks = new long[Enum.GetValues<PostingStage>().Length];

    /// <summary>The time spent in a stage, over every run timed.</summary>
    public TimeSpan this[PostingStage stage] => TimeSpan.FromSeconds(_ticks[(int)stage] / (double)Stopwatch.Frequency);

    /// <summary>Every stage with its time, in pipeline order.</summary>
    public IReadOnlyList<(PostingStage Stage, TimeSpan Time)> All => [.. Enum.GetValues<PostingStage>().Select(s => (s, this[s]))];

    /// <summary>The sum over every stage.</summary>
    public TimeSpan Total => TimeSpan.FromSeconds(_ticks.Sum() / (double)Stopwatch.Frequency);

    /// <summary>Adds the time from <paramref name="start"/> (a <see cref="Stopwatch.GetTimestamp"/>) to now; returns now, to start the next stage from.</summary>
    public long Stop(PostingStage stage, long start)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks[(int)stage] += now - start;
        return now;
    }

    /// <summary>Adds the stages of another run.</summary>
    public void Add(StageTimings other)
    {
        for (var i = 0; i < _ticks.Length; i++)
            _ticks[i] += other._ticks[i];
    }
}
