using System.Reflection;
using System.Runtime.Loader;

namespace PluginHost.Engine.Plugins;

/// <summary>
/// One load context per plugin (docs/plugins.md): the plugin's own dependencies resolve from its
/// <c>.deps.json</c> and folder, while the contract assembly always comes from the host, so that
/// <c>IPostingPlugin</c> is the same type on both sides of the boundary.
/// </summary>
internal sealed class PluginLoadContext(string pluginAssemblyPath)
    : AssemblyLoadContext(Path.GetFileNameWithoutExtension(pluginAssemblyPath))
{
    private readonly AssemblyDependencyResolver _resolver = new(pluginAssemblyPath);

    /// <summary>Assemblies shared with the host rather than loaded from the plugin's folder.</summary>
    public static readonly string[] SharedAssemblies = [PluginLoader.ContractAssemblyName.Name!];

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Returning null defers to the default context: the host's copy of shared and framework assemblies.
        if (SharedAssemblies.Contains(assemblyName.Name, StringComparer.OrdinalIgnoreCase))
            return null;
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
