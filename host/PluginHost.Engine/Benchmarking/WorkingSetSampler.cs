using System.Diagnostics;

namespace PluginHost.Engine.Benchmarking;

/// <summary>
/// The highest working set of this process seen while it runs, sampled every few milliseconds on a thread of its own.
/// The process's own peak cannot be reset, and the bench writes its workbooks first (the Open XML SDK holds a sheet whole
/// until it is saved), so the peak of the postings alone is sampled.
/// </summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    public WorkingSetSampler()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "PluginHost working set sampler" };
        _thread.Start();
    }

    /// <summary>The highest working set seen so far, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop)
        {
            process.Refresh();
            var now = process.WorkingSet64;
            if (now > Interlocked.Read(ref _peak))
                Interlocked.Exchange(ref _peak, now);
            Thread.Sleep(5);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
