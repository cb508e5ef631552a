using PluginHost.Engine.Posting;

namespace PluginHost.Tests.Posting;

/// <summary>Which thread checks the next chunk: the reading thread only while the posting thread is busy, and never out of order.</summary>
public sealed class CheckTurnsTests
{
    [Fact]
    public void TheReadingThreadChecksOnlyWhileThePostingThreadHasChunksWaiting()
    {
        var turns = new CheckTurns();

        Assert.False(turns.ReadingThreadChecks(waiting: 0));
        Assert.True(turns.ReadingThreadChecks(waiting: 1));
    }

    [Fact]
    public void AfterAChunkWentOverUncheckedTheReadingThreadWaitsUntilThePostingThreadHasCheckedIt()
    {
        var turns = new CheckTurns();
        turns.HandedOver(); // unchecked: the posting thread will check it

        Assert.False(turns.ReadingThreadChecks(waiting: 2));
        turns.Checked();
        Assert.True(turns.ReadingThreadChecks(waiting: 2));
    }
}
