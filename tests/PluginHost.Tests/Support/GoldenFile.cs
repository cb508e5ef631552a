namespace PluginHost.Tests.Support;

/// <summary>
/// Golden files: the expected text is kept in the repository; a different result is written next to it as the
/// "received" file to look at (and copy over the golden file when the change is meant), and removed once it matches.
/// </summary>
public static class GoldenFile
{
    /// <summary>Asserts <paramref name="actual"/> equals the golden file's text (line endings as \n).</summary>
    public static void Verify(string expectedPath, string receivedPath, string actual, string missing = "(no golden file)")
    {
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : missing;
        if (actual != expected)
            File.WriteAllText(receivedPath, actual);
        else if (File.Exists(receivedPath))
            File.Delete(receivedPath);
        Assert.Equal(expected, actual);
    }
}
