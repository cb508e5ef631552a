using PluginHost.Engine.Posting;

namespace PluginHost.Web.Hosting;

/// <summary>The runtime one batch runs on, from its start to its end; disposing it lets a plugin replaced meanwhile unload.</summary>
public sealed class RuntimeLease(RuntimeProvider provider, HostRuntime runtime, long generation) : IDisposable
{
    private int _released;

    /// <summary>The runtime of the batch.</summary>
    public HostRuntime Runtime => runtime;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            provider.Release(generation);
    }
}
