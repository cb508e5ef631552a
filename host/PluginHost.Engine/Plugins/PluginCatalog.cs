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

    private static bool SameName(string a, string b) => Workbooks.HeaderText.Normalize(a) == Workbooks.HeaderText.Normalize(b);
}
