using System.Reflection;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Engine.Plugins;

/// <summary>A plugin that loaded and passed the host's checks.</summary>
/// <param name="Instance">The plugin object.</param>
/// <param name="Assembly">Its assembly, in its own load context.</param>
/// <param name="Folder">The folder it was loaded from.</param>
/// <param name="Context">
/// Its load context (McMaster.NETCore.Plugins). Whatever holds the plugin's types (compiled rules, caches) is kept
/// with this plugin, never in a static, so that a replaced version can unload.
/// </param>
public sealed record LoadedPlugin(IPostingPlugin Instance, Assembly Assembly, string Folder, McMaster.NETCore.Plugins.PluginLoader Context)
{
    /// <summary>The plugin's name, e.g. <c>output-reversal</c>.</summary>
    public string Name => Instance.Name;

    /// <summary>The folder name, e.g. <c>OutputReversal</c>; also accepted by <c>--plugin</c>.</summary>
    public string FolderName => Path.GetFileName(Folder);

    /// <summary>The assembly file (its bytes were read into memory, so <c>Assembly.Location</c> is empty).</summary>
    public string AssemblyPath => Path.Combine(Folder, FolderName + ".dll");
}
