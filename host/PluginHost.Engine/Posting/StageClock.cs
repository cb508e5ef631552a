using System.Diagnostics;

namespace PluginHost.Engine.Posting;

/// <summary>
/// Laps of one pipeline run into a <see cref="StageTimings"/>: each <see cref="Lap"/> charges the time since the last one
/// to a stage. Without timings it is <see cref="None"/>, whose laps do nothing but a null check.
/// </summary>
internal sealed class StageClock
{
    public static readonly StageClock None = new(null);

    private readonly StageTimings? _timings;
    private long _mark;

    private StageClock(StageTimings? timings)
    {
        _timings = timings;
        _mark = Stopwatch.GetTimestamp();
    }

    public static StageClock Start(StageTimings? timings) => timings is null ? None : new StageClock(timings);

    /// <summary>Starts the next lap now, charging the time since the last one to no stage (time spent waiting on another thread).</summary>
    public void Restart()
    {
        if (_timings is not null)
            _mark = Stopwatch.GetTimestamp();
    }

    /// <summary>Charges the time since the last lap to <paramref name="stage"/>.</summary>
    public void Lap(PostingStage stage)
    {
        if (_timings is not null)
            _mark = _timings.Stop(stage, _mark);
    }
}
