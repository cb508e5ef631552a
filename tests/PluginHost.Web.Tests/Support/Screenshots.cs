using Microsoft.Playwright;

namespace PluginHost.Web.Tests.Support;

/// <summary>
/// Screenshots of the pages at 1366×768, into TestResults/web-screenshots on every run, and into tests/artifacts/web (the
/// committed ones, for review) when PLUGINHOST_UPDATE_SCREENSHOTS=1, so an ordinary test run leaves the tree clean.
/// </summary>
public static class Screenshots
{
    public static async Task Take(IPage page, string name, bool fullPage = false)
    {
        var root = RepoRoot();
        var folders = new List<string> { Path.Combine(root, "TestResults", "web-screenshots") };
        if (Environment.GetEnvironmentVariable("PLUGINHOST_UPDATE_SCREENSHOTS") == "1")
            folders.Add(Path.Combine(root, "tests", "artifacts", "web"));
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage });
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PluginHost.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("PluginHost.sln not found above " + AppContext.BaseDirectory);
    }
}
