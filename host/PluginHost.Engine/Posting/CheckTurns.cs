namespace PluginHost.Engine.Posting;

/// <summary>
/// Which thread checks the next chunk when lines are checked beside posting. The reading thread checks it when the
/// posting thread has chunks waiting (it is the busier one); otherwise the chunk goes over unchecked and the posting
/// thread, which would only wait, checks it itself. Checks stay in sheet order and never overlap: the reading thread
/// checks a chunk only once every chunk handed over before it has been checked (docs/performance.md).
/// </summary>
internal sealed class CheckTurns
{
    // Chunks handed to the posting thread: written by the reading thread only.
    private int _handedOver;
    // Chunks checked, by either thread.
    private int _checked;

    /// <summary>Asked by the reading thread before it hands over its next chunk.</summary>
    /// <param name="waiting">Chunks the posting thread has not yet taken.</param>
    public bool ReadingThreadChecks(int waiting) => waiting > 0 && Volatile.Read(ref _checked) == _handedOver;

    /// <summary>The reading thread hands over a chunk, checked or not.</summary>
    public void HandedOver() => _handedOver++;

    /// <summary>A chunk was checked, on either thread.</summary>
    public void Checked() => Interlocked.Increment(ref _checked);
}
