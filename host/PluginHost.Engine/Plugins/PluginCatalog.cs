using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Plugins;

/// <summary>The plugins found in a folder: those that loaded, and a problem for each one that did not.</summary>
/// <param name="Folder">The plugins folder.</param>
/// <param name="Plugins">Loaded plugins, by name.</param>
/// <param name="Failures">One error per plugin that could not load, naming it, its path and the cause.</param>
public sealed record PluginCatalog(string Folder, IReadOnlyList<LoadedPlugin> Plugins, IReadOnlyList<Problem> Failures)
{
    /// <summary>Finds a plugin by its name (<c>output-reversal</c>) or folder name (<c>OutputReversal</c>), ignoring case and punctuation.</summary>
    public LoadedPlugin? Find(string name) =>
        Plugins.FirstOrDefault(p => SameName(p.Name, name)) ?? Plugins.FirstOrDefault(p => SameName(p.FolderName, name));

    /// <summary>
    /// The load failure of a plugin that did not load, or null. A plugin that failed has no name of its own yet, so
    /// its folder name is matched ignoring case and punctuation: <c>output-reversal</c> finds <c>OutputReversal</c>.
    /// </summary>
    public Problem? FailureOf(string name) =>
        Failures.FirstOrDefault(f => f.Where.File is { } file && SameName(Path.GetFileName(Path.GetDirectoryName(file)) ?? "", name));

    /// <summary>The plugin loaded from a folder, or null.</summary>
    public LoadedPlugin? FromFolder(string folder) =>
        Plugins.FirstOrDefault(p => string.Equals(Path.GetFullPath(p.Folder), Path.GetFullPath(folder), StringComparison.Ordinal));

    /// <summary>
    /// This catalog with <paramref name="plugin"/> in place of the plugin of its folder (or added), and the folder's
    /// failure gone; or the problem when another folder's plugin has its name.
    /// </summary>
    public (PluginCatalog? Catalog, Problem? Clash) With(LoadedPlugin plugin)
    {
        if (Plugins.FirstOrDefault(p => string.Equals(p.Name, plugin.Name, StringComparison.OrdinalIgnoreCase) && FromFolder(plugin.Folder) != p) is { } other)
            return (null, Problem.Error("PLUGIN009", $"plugin name '{plugin.Name}' of {plugin.AssemblyPath} is used by {other.AssemblyPath} already", new SourceLocation { File = plugin.AssemblyPath }));
        var old = FromFolder(plugin.Folder);
        var plugins = Plugins.Select(p => p == old ? plugin : p).ToList();
        if (old is null)
            plugins.Add(plugin);
        return (this with { Plugins = plugins, Failures = [.. Failures.Where(f => !IsOf(f, plugin.Folder))] }, null);
    }

    /// <summary>This catalog with the failure of a folder that holds no plugin loaded yet.</summary>
    public PluginCatalog WithFailure(string folder, Problem failure) => this with { Failures = [.. Failures.Where(f => !IsOf(f, folder)), failure] };

    private static bool IsOf(Problem failure, string folder) =>
        failure.Where.File is { } file && string.Equals(Path.GetDirectoryName(Path.GetFullPath(file)), Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private static bool SameName(string a, string b) => Workbooks.HeaderText.Normalize(a) == Workbooks.HeaderText.Normalize(b);
}
