using PluginHost.Engine.Benchmarking;

namespace PluginHost.Tests.Benchmarking;

/// <summary>The bench's wait for tiered compilation: it must end, and not before a quiet spell.</summary>
public sealed class JitSettlingTests
{
    [Fact]
    public void WaitingForTheCompilerLastsAtLeastTheQuietSpellAndEndsByTheLimit()
    {
        var waited = JitSettling.Wait();

        Assert.InRange(waited, JitSettling.Quiet, JitSettling.Limit + TimeSpan.FromSeconds(1));
    }
}
