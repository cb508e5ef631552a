using System.Diagnostics;
using System.Runtime;

namespace PluginHost.Engine.Benchmarking;

/// <summary>
/// Waits for the runtime's tiered compilation to finish what it has queued: until no method has been compiled, on any
/// thread, for <see cref="Quiet"/> (longer than the runtime's 100 ms call-counting delay), or <see cref="Limit"/> has passed.
/// After the bench's warm-up rounds it waited 0.75-1.2 s (100,000 lines, 2 cores); the limit keeps a process that never
/// stops compiling (the test runner, running other tests beside the bench) from waiting long.
/// </summary>
internal static class JitSettling
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the time waited.</summary>
    public static TimeSpan Wait()
    {
        var started = Stopwatch.GetTimestamp();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = started;
        while (Stopwatch.GetElapsedTime(quietSince) < Quiet && Stopwatch.GetElapsedTime(started) < Limit)
        {
            Thread.Sleep(Poll);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
                (compiled, quietSince) = (now, Stopwatch.GetTimestamp());
        }
        return Stopwatch.GetElapsedTime(started);
    }
}
