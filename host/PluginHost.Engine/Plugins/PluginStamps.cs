namespace PluginHost.Engine.Plugins;

/// <summary>
/// What the files of each plugin folder look like now (names, sizes, times), so a long-running host sees a plugin
/// replaced on disk. Read on each request rather than watched: a watcher misses changes on some file systems and
/// fires mid-copy; a stamp compared when it matters does neither.
/// </summary>
public static class PluginStamps
{
    /// <summary>Each plugin folder's stamp, by its full path.</summary>
    public static IReadOnlyDictionary<string, string> Of(string pluginsFolder)
    {
        if (!Directory.Exists(pluginsFolder))
            return new Dictionary<string, string>();
        return Directory.GetDirectories(Path.GetFullPath(pluginsFolder)).ToDictionary(folder => folder, folder => string.Join('\n',
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).Select(StampOf)), StringComparer.Ordinal);
    }

    // A file removed between listing and reading (a copy in progress) is stamped as gone; the next request sees the rest.
    private static string StampOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}" : $"{path}|gone";
    }
}
