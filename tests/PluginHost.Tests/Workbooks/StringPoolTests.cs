using PluginHost.Engine.Workbooks;

namespace PluginHost.Tests.Workbooks;

/// <summary>The reader's string pool: bounded, and still sharing a text repeated down a column once it is full.</summary>
public sealed class StringPoolTests
{
    [Fact]
    public void OnceThePoolIsFullATextEqualToTheOneAboveInItsColumnStillSharesItsInstance()
    {
        var pool = new StringPool();
        for (var i = 0; i < StringPool.Capacity; i++)
            pool.Intern($"FILL-{i}", 0);

        var first = pool.Intern(Copy("INV-900001"), 3);
        var below = pool.Intern(Copy("INV-900001"), 3);
        var otherColumn = pool.Intern(Copy("INV-900001"), 4);

        Assert.Same(first, below);
        Assert.NotSame(first, otherColumn); // full: only the text above in the same column is shared
        Assert.Equal("INV-900001", otherColumn);
    }

    [Fact]
    public void BeforeThePoolIsFullEqualTextsShareOneInstanceInAnyColumn()
    {
        var pool = new StringPool();

        var first = pool.Intern(Copy("ITEM-7"), 1);
        pool.Intern(Copy("ITEM-8"), 1);
        var later = pool.Intern(Copy("ITEM-7"), 5);

        Assert.Same(first, later);
    }

    private static string Copy(string text) => new(text.AsSpan());
}
