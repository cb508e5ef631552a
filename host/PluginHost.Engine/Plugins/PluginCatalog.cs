using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Plugins;

/// <summary>The plugins found in a folder: those that loaded, and a problem for each one that did not.</summary>
/// <param name="Folder">The plugins folder.</param>
/// <param name="Plugins">Loaded plugins, by name.</param>
/// <param name="Failures">One error per plugin that could not load, naming it, its path and the cause.</param>
public sealed record PluginCatalog(string Folder, IReadOnlyList<LoadedPlugin> Plugins, IReadOnlyList<Problem> Failures)
{
    /// <summary>Finds a plugin by its name (<c>output-reversal</c>) or folder name (<c>OutputReversal</c>), ignoring case.</summary>
    public LoadedPlugin? Find(string name) =>
        Plugins.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
                                    || string.Equals(p.FolderName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The load failure of a plugin that did not load, by folder name, or null.</summary>
    public Problem? FailureOf(string name) =>
        Failures.FirstOrDefault(f => f.Where.File is { } file
                                     && string.Equals(Path.GetFileName(Path.GetDirectoryName(file)), name, StringComparison.OrdinalIgnoreCase));
}
