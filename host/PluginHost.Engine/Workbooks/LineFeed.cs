using System.Collections.Concurrent;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Reads a sheet's chunks on a thread of its own, at most two chunks ahead of the one being posted: the workbook reader's
/// parsing and the conversion of cells then run on the second core beside the look-ups, rules and inserts, instead of
/// before them, and memory holds a few chunks rather than the sheet (docs/performance.md). A failure while reading
/// reaches the caller after the chunks read before it, as a <see cref="SheetReadException"/>. A chunk may come with
/// what was made of it on the reading thread too (<typeparamref name="TChunk"/>: the plugin's look-ups made ahead).
/// </summary>
internal sealed class LineFeed<TChunk> : IDisposable
{
    private readonly BlockingCollection<TChunk> _chunks = new(boundedCapacity: 2);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private Exception? _failure;

    public LineFeed(IEnumerable<TChunk> source)
    {
        _thread = new Thread(() => Produce(source)) { IsBackground = true, Name = "PluginHost line feed" };
        _thread.Start();
    }

    /// <summary>The chunks in sheet order.</summary>
    /// <exception cref="SheetReadException">Reading failed after these chunks.</exception>
    public IEnumerable<TChunk> Chunks()
    {
        foreach (var chunk in _chunks.GetConsumingEnumerable())
            yield return chunk;
        if (_failure is not null)
            throw new SheetReadException(_failure);
    }

    private void Produce(IEnumerable<TChunk> source)
    {
        try
        {
            foreach (var chunk in source)
                _chunks.Add(chunk, _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The caller stopped early (a plugin failed, the database refused): nobody waits for the rest.
        }
        catch (Exception ex)
        {
            _failure = ex;
        }
        finally
        {
            _chunks.CompleteAdding();
        }
    }

    /// <summary>Stops reading and waits for the thread, so the workbook is not closed under it.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _chunks.Dispose();
        _stop.Dispose();
    }
}
