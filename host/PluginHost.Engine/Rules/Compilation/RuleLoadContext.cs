using System.Reflection;
using System.Runtime.Loader;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// A collectible load context of its own for each compiled rule set. The same rule file can then be loaded again
/// (a reload back to an earlier version, a second host over the same plugins) without an assembly-name clash, and a
/// replaced rule set can be unloaded. Everything the rules reference resolves through the plugin's context, so the
/// input types are the very types the plugin hands over.
/// </summary>
internal sealed class RuleLoadContext(AssemblyLoadContext pluginContext)
    : AssemblyLoadContext($"rules for {pluginContext.Name}", isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => pluginContext.LoadFromAssemblyName(assemblyName);
}
