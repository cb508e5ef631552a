namespace PluginHost.Engine.Configuration;

/// <summary>
/// Where the host finds plugins, rules and templates, and which database it uses: the command-line option,
/// else the environment variable, else the folder next to the program (the build puts them there).
/// </summary>
/// <param name="Plugins">Plugins folder, holding NAME/NAME.dll.</param>
/// <param name="Rules">Rules folder, holding PLUGIN.json.</param>
/// <param name="Templates">Templates folder, holding PLUGIN.sbn-html, report.md.sbn and partials/.</param>
/// <param name="Database">The SQLite file.</param>
public sealed record HostFolders(string Plugins, string Rules, string Templates, string Database)
{
    /// <summary>Resolves each location from an explicit value, then the environment, then the default.</summary>
    public static HostFolders Resolve(string? plugins = null, string? rules = null, string? templates = null, string? database = null)
    {
        var programFolder = AppContext.BaseDirectory;
        return new HostFolders(
            Pick(plugins, "PLUGINHOST_PLUGINS", Path.Combine(programFolder, "plugins")),
            Pick(rules, "PLUGINHOST_RULES", Path.Combine(programFolder, "rules")),
            Pick(templates, "PLUGINHOST_TEMPLATES", Path.Combine(programFolder, "templates")),
            Pick(database, "PLUGINHOST_DB", Path.Combine(Environment.CurrentDirectory, "pluginhost.db")));
    }

    private static string Pick(string? given, string variable, string fallback) =>
        Path.GetFullPath(!string.IsNullOrWhiteSpace(given) ? given
            : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : fallback);
}
