using PluginHost.Engine.Configuration;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Rules;
using PluginHost.Engine.Rules.Compilation;

namespace PluginHost.Engine.Posting;

/// <summary>
/// What a running host holds: its folders, the loaded plugins, each plugin's compiled rules and the report
/// templates. Each is loaded on first use and kept, so a long-running host pays for it once.
/// </summary>
public sealed class HostRuntime
{
    private readonly HostFolders folders;
    private readonly TimeProvider time;
    private readonly Lazy<PluginCatalog> _plugins;
    private readonly Lazy<(ReportRenderer? Renderer, IReadOnlyList<Problem> Problems)> _reports;
    private readonly RuleSetProvider _rules;

    /// <summary>A runtime over the given folders and clock; nothing is loaded until first used.</summary>
    public HostRuntime(HostFolders folders, TimeProvider time)
    {
        this.folders = folders;
        this.time = time;
        _plugins = new(() => PluginLoader.LoadFrom(folders.Plugins));
        _reports = new(() => ReportRenderer.Load(folders.Templates));
        _rules = new RuleSetProvider(folders.Rules);
    }

    private HostRuntime(HostRuntime shared, HostFolders folders, TimeProvider time, RuleSetProvider? rules = null, bool reloadTemplates = false, PluginCatalog? plugins = null)
    {
        this.folders = folders;
        this.time = time;
        _plugins = plugins is null ? shared._plugins : new(plugins);
        _reports = reloadTemplates ? new(() => ReportRenderer.Load(folders.Templates)) : shared._reports;
        _rules = rules ?? shared._rules;
    }

    /// <summary>The same plugins and templates with the rules of another folder (compiled afresh), e.g. a consultant's draft.</summary>
    public HostRuntime WithRules(string rules) => new(this, folders with { Rules = Path.GetFullPath(rules) }, time, new RuleSetProvider(Path.GetFullPath(rules)));

    /// <summary>The same plugins, rules and templates over another database and clock (the demo's own database, a test's).</summary>
    public HostRuntime With(string database, TimeProvider? clock = null) => new(this, folders with { Database = Path.GetFullPath(database) }, clock ?? time);

    /// <summary>
    /// The same plugins, rules and database with the templates read again from their folder, for a long-running host
    /// whose templates changed on disk (the web page, docs/web.md). The caller decides whether to take it.
    /// </summary>
    public HostRuntime WithTemplatesReloaded() => new(this, folders, time, reloadTemplates: true);

    /// <summary>
    /// The same rules, templates and database with another catalog of plugins: a plugin replaced on disk under a
    /// long-running host (the web page). Rule sets are compiled again for the new plugin (they hold its types).
    /// </summary>
    public HostRuntime WithPlugins(PluginCatalog plugins) => new(this, folders, time, plugins: plugins);

    /// <summary>The folders and database in use.</summary>
    public HostFolders Folders => folders;

    /// <summary>The clock; tests fix it.</summary>
    public TimeProvider Time => time;

    /// <summary>The plugins found, and those that failed to load.</summary>
    public PluginCatalog Plugins => _plugins.Value;

    /// <summary>The report renderer, or the problems that keep the templates from loading.</summary>
    public (ReportRenderer? Renderer, IReadOnlyList<Problem> Problems) Reports => _reports.Value;

    /// <summary>The rule sets in force, reloaded when their files change.</summary>
    public RuleSetProvider RuleSets => _rules;

    /// <summary>The compiled workflow of a plugin (<c>rules/NAME.json</c>), or the problems that keep it from loading.</summary>
    public (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) RulesFor(LoadedPlugin plugin) => _rules.For(plugin);
}
