namespace PluginHost.Tests.Support;

/// <summary>Plugin folders assembled for a test from the built shipped and broken plugins.</summary>
public static class PluginFolders
{
    /// <summary>Copies plugins/NAME (shipped) or broken-plugins/NAME into <paramref name="target"/>/NAME.</summary>
    public static void Copy(string target, string name)
    {
        var source = Path.Combine(TestHost.PluginsFolder, name);
        if (!Directory.Exists(source))
            source = Path.Combine(TestHost.BrokenPluginsFolder, name);
        var destination = Path.Combine(target, name);
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
    }

    /// <summary>A plugins folder holding the shipped output-reversal plugin and every broken one.</summary>
    public static string WithEveryBrokenPlugin(TempFolder folder)
    {
        var plugins = folder.File("plugins");
        Copy(plugins, "OutputReversal");
        foreach (var broken in new[] { "NoPluginType", "ThrowingConstructor", "MissingDependency", "FutureContract" })
            Copy(plugins, broken);
        File.Delete(Path.Combine(plugins, "MissingDependency", "MissingDependency.Helper.dll"));
        Directory.CreateDirectory(Path.Combine(plugins, "EmptyFolder"));
        return plugins;
    }
}
