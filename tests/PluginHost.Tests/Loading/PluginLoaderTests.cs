using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Loading;

/// <summary>The loader against the shipped plugins and against small real plugin projects broken on purpose.</summary>
public sealed class PluginLoaderTests : TempFolderTest
{
    [Fact]
    public void TheShippedPluginsLoadFromTheFolderTheBuildLaysOut()
    {
        var catalog = PluginLoader.LoadFrom(TestHost.PluginsFolder);

        Assert.Empty(catalog.Failures);
        var plugin = Assert.Single(catalog.Plugins, p => p.Name == "output-reversal");
        Assert.Equal("OutputReversal", plugin.FolderName);
        Assert.Equal(Path.Combine(TestHost.PluginsFolder, "OutputReversal", "OutputReversal.dll"), plugin.AssemblyPath);
        Assert.Same(plugin, catalog.Find("OUTPUT-REVERSAL"));
        Assert.Same(plugin, catalog.Find("OutputReversal"));
        Assert.Equal(["invoice-correction", "output-reversal", "return-credit"], catalog.Plugins.Select(p => p.Name));
    }

    [Fact]
    public void EachPluginLoadsInItsOwnContextAndSharesTheHostsContract()
    {
        var plugin = PluginLoader.LoadFrom(TestHost.PluginsFolder).Find("output-reversal")!;

        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(plugin.Assembly)!;
        Assert.NotSame(System.Runtime.Loader.AssemblyLoadContext.Default, context);
        Assert.Same(typeof(IPostingPlugin).Assembly, plugin.Instance.GetType().GetInterfaces().Single(i => i.Name == nameof(IPostingPlugin)).Assembly);
    }

    [Fact]
    public void BrokenPluginsAreEachReportedWithNamePathAndCauseWhileTheOthersStillLoad()
    {
        var folder = PluginFolders.WithEveryBrokenPlugin(Temp);

        var catalog = PluginLoader.LoadFrom(folder);

        Assert.Equal(["output-reversal"], catalog.Plugins.Select(p => p.Name));
        Assert.Equal(5, catalog.Failures.Count);
        AssertFailure(catalog, "EmptyFolder", "PLUGIN001", "the folder holds no EmptyFolder.dll");
        AssertFailure(catalog, "NoPluginType", "PLUGIN004", "no class in it implements IPostingPlugin");
        AssertFailure(catalog, "ThrowingConstructor", "PLUGIN007", "the constructor of ThrowingConstructor.ThrowingPlugin threw InvalidOperationException: the licence file is missing");
        AssertFailure(catalog, "MissingDependency", "PLUGIN003", "its dependency MissingDependency.Helper 1.0.0.0 is missing");
        AssertFailure(catalog, "FutureContract", "PLUGIN002", "it was built against PluginHost.Contracts 2.0.0.0, and this host has 1.4.0.0");
    }

    [Fact]
    public void TwoPluginsOfOneNameAreBothRefusedEachAtItsOwnFolder()
    {
        var plugins = Temp.File("plugins");
        PluginFolders.Copy(plugins, "OutputReversal");
        var copy = Directory.CreateDirectory(Path.Combine(plugins, "OutputReversalCopy")).FullName;
        File.Copy(Path.Combine(plugins, "OutputReversal", "OutputReversal.dll"), Path.Combine(copy, "OutputReversalCopy.dll"));

        var catalog = PluginLoader.LoadFrom(plugins);

        Assert.Empty(catalog.Plugins);
        Assert.Equal(
            [("PLUGIN009", Path.Combine(plugins, "OutputReversal", "OutputReversal.dll")), ("PLUGIN009", Path.Combine(copy, "OutputReversalCopy.dll"))],
            catalog.Failures.Select(f => (f.Code, f.Where.File!)));
        Assert.All(catalog.Failures, f => Assert.Contains("plugin name 'output-reversal' is used by", f.Message));
    }

    [Fact]
    public void AMissingPluginsFolderIsOneClearError()
    {
        var catalog = PluginLoader.LoadFrom(Temp.File("nowhere"));

        Assert.Empty(catalog.Plugins);
        Assert.Contains("does not exist", Assert.Single(catalog.Failures).Message);
    }

    private static void AssertFailure(PluginCatalog catalog, string name, string code, string cause)
    {
        var path = Path.Combine(catalog.Folder, name, name + ".dll");
        var failure = Assert.Single(catalog.Failures, f => f.Where.File == path);
        Assert.Equal(Severity.Error, failure.Severity);
        Assert.Equal(code, failure.Code);
        Assert.StartsWith($"plugin '{name}' ({path}) cannot load: ", failure.Message);
        Assert.Contains(cause, failure.Message);
        Assert.Same(failure, catalog.FailureOf(name));
    }
}
