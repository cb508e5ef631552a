namespace PluginHost.Tests.Support;

/// <summary>Base of tests that write files: each test gets a fresh folder, deleted afterwards.</summary>
public abstract class TempFolderTest : IDisposable
{
    protected TempFolder Temp { get; } = new();

    public void Dispose()
    {
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
