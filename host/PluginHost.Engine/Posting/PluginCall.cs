using PluginHost.Engine.Plugins;

namespace PluginHost.Engine.Posting;

/// <summary>The boundary around calls into a plugin: a plugin that throws is named, with what it was doing.</summary>
internal static class PluginCall
{
    public static T Guard<T>(LoadedPlugin plugin, string doing, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (ex is not PluginFailureException and not OutOfMemoryException)
        {
            throw new PluginFailureException(plugin.Name, doing, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
