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

    /// <summary>
    /// As <see cref="Guard{T}(LoadedPlugin, string, Func{T})"/> for a call made once per row: no closure, and what it
    /// was doing ("<paramref name="doing"/> <paramref name="row"/>") is worded only when it fails.
    /// </summary>
    public static T Guard<TState, T>(LoadedPlugin plugin, string doing, int row, TState state, Func<TState, T> call)
    {
        try
        {
            return call(state);
        }
        catch (Exception ex) when (ex is not PluginFailureException and not OutOfMemoryException)
        {
            throw new PluginFailureException(plugin.Name, $"{doing} {row}", $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
