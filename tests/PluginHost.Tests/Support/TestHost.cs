using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;

namespace PluginHost.Tests.Support;

/// <summary>
/// The host as the build lays it out next to the tests: plugins/, rules/ and templates/ from the real projects.
/// One runtime is shared so the rules compile once; each test gets its own database through <see cref="With"/>.
/// </summary>
public static class TestHost
{
    public static string Folder => AppContext.BaseDirectory;

    public static string PluginsFolder => Path.Combine(Folder, "plugins");

    public static string RulesFolder => Path.Combine(Folder, "rules");

    public static string TemplatesFolder => Path.Combine(Folder, "templates");

    public static string BrokenPluginsFolder => Path.Combine(Folder, "broken-plugins");

    private static readonly Lazy<HostRuntime> Shared = new(() =>
        new HostRuntime(new HostFolders(PluginsFolder, RulesFolder, TemplatesFolder, Path.Combine(Path.GetTempPath(), "unused.db")), FixedClock.Default));

    /// <summary>The shipped plugins, rules and templates over the given database.</summary>
    public static HostRuntime With(string database) => Shared.Value.With(database);

    /// <summary>A runtime of its own (rules compiled afresh), e.g. over a changed rules folder.</summary>
    public static HostRuntime Own(string database, string? rules = null, string? plugins = null) =>
        new(new HostFolders(plugins ?? PluginsFolder, rules ?? RulesFolder, TemplatesFolder, database), FixedClock.Default);

    /// <summary>Posts (or validates) a workbook into a database with the shared runtime.</summary>
    public static PostingOutcome Post(string database, string workbook, bool dryRun = false, string? plugin = null) =>
        new PostingPipeline(With(database)).Run(new PostingRequest { WorkbookPath = workbook, DryRun = dryRun, Plugin = plugin, User = "tester" });
}
