using PluginHost.Engine.Configuration;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Rules.Model;

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
    private readonly Dictionary<string, (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems)> _rules;
    private readonly Lock _rulesLock;

    /// <summary>A runtime over the given folders and clock; nothing is loaded until first used.</summary>
    public HostRuntime(HostFolders folders, TimeProvider time)
    {
        this.folders = folders;
        this.time = time;
        _plugins = new(() => PluginLoader.LoadFrom(folders.Plugins));
        _reports = new(() => ReportRenderer.Load(folders.Templates));
        _rules = new(StringComparer.OrdinalIgnoreCase);
        _rulesLock = new();
    }

    private HostRuntime(HostRuntime shared, HostFolders folders, TimeProvider time)
    {
        this.folders = folders;
        this.time = time;
        _plugins = shared._plugins;
        _reports = shared._reports;
        _rules = shared._rules;
        _rulesLock = shared._rulesLock;
    }

    /// <summary>The same plugins, rules and templates over another database and clock (the demo's own database, a test's).</summary>
    public HostRuntime With(string database, TimeProvider? clock = null) => new(this, folders with { Database = Path.GetFullPath(database) }, clock ?? time);

    /// <summary>The folders and database in use.</summary>
    public HostFolders Folders => folders;

    /// <summary>The clock; tests fix it.</summary>
    public TimeProvider Time => time;

    /// <summary>The plugins found, and those that failed to load.</summary>
    public PluginCatalog Plugins => _plugins.Value;

    /// <summary>The report renderer, or the problems that keep the templates from loading.</summary>
    public (ReportRenderer? Renderer, IReadOnlyList<Problem> Problems) Reports => _reports.Value;

    /// <summary>The compiled workflow of a plugin (<c>rules/NAME.json</c>), or the problems that keep it from loading.</summary>
    public (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) RulesFor(LoadedPlugin plugin)
    {
        lock (_rulesLock)
        {
            if (!_rules.TryGetValue(plugin.Name, out var compiled))
                _rules[plugin.Name] = compiled = CompileRules(plugin);
            return compiled;
        }
    }

    private (CompiledWorkflow?, IReadOnlyList<Problem>) CompileRules(LoadedPlugin plugin)
    {
        var path = Path.Combine(folders.Rules, plugin.Name + ".json");
        if (!File.Exists(path))
            return (null, [Problem.Error("RULE000", $"there is no rule file for plugin {plugin.Name}: {path}", new SourceLocation { File = path })]);
        var (file, problems) = RuleFileReader.Read(path);
        if (file is null)
            return (null, problems);
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(plugin.Assembly)!;
        return RuleCompiler.Compile(file, plugin.Name, plugin.Instance.RuleInputs, context);
    }
}
