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
                .Order(StringComparer.Ordinal).Select(f => new FileInfo(f)).Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}")), StringComparer.Ordinal);
    }
}
