using PluginHost.Contracts.Journal;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Tests.Workbooks;

/// <summary>The reading thread that hands a sheet's chunks to the posting thread.</summary>
public sealed class LineFeedTests
{
    private static JournalChunk Chunk(int rowsRead) => new(Array.Empty<JournalLine>(), Array.Empty<Problem>(), rowsRead);

    private static IEnumerable<JournalChunk> ChunksThenFailure(int count, Exception failure)
    {
        for (var i = 1; i <= count; i++)
            yield return Chunk(i * 10);
        throw failure;
    }

    [Fact]
    public void ChunksArriveInTheOrderTheyWereRead()
    {
        using var feed = new LineFeed<JournalChunk>(Enumerable.Range(1, 50).Select(Chunk));

        Assert.Equal(Enumerable.Range(1, 50), feed.Chunks().Select(c => c.RowsRead));
    }

    [Fact]
    public void AFailureWhileReadingArrivesAfterTheChunksReadBeforeItAsASheetReadException()
    {
        var cause = new System.Xml.XmlException("unexpected end of file");
        using var feed = new LineFeed<JournalChunk>(ChunksThenFailure(3, cause));
        var received = new List<int>();

        var thrown = Assert.Throws<SheetReadException>(() =>
        {
            foreach (var chunk in feed.Chunks())
                received.Add(chunk.RowsRead);
        });

        Assert.Equal([10, 20, 30], received);
        Assert.Same(cause, thrown.InnerException);
    }

    [Fact]
    public void DisposingTheFeedEarlyStopsTheReadingThreadInsteadOfReadingTheRest()
    {
        var produced = 0;
        IEnumerable<JournalChunk> Endless()
        {
            while (true)
            {
                Interlocked.Increment(ref produced);
                yield return Chunk(produced);
            }
        }

        var feed = new LineFeed<JournalChunk>(Endless());
        Assert.Equal(1, feed.Chunks().First().RowsRead);
        feed.Dispose(); // returns only once the reading thread has stopped

        var stoppedAt = Volatile.Read(ref produced);
        Thread.Sleep(50);
        Assert.Equal(stoppedAt, Volatile.Read(ref produced));
        Assert.InRange(stoppedAt, 1, 5); // one taken, at most two waiting, one being handed over
    }
}
