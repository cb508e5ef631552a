namespace PluginHost.Engine.Posting;

/// <summary>A plugin threw or broke its contract while the host was using it; the batch is not written.</summary>
public sealed class PluginFailureException(string plugin, string doing, string cause)
    : Exception($"plugin {plugin} failed while {doing}: {cause}")
{
    /// <summary>The plugin's name.</summary>
    public string Plugin { get; } = plugin;
}
