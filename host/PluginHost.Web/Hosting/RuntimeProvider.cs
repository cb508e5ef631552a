using PluginHost.Engine.Plugins;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules;
using PluginHost.Engine.Reports.Templates;

namespace PluginHost.Web.Hosting;

/// <summary>
/// The host runtime in force for each request. Rule files are reloaded by the engine itself when they change
/// (<c>RuleSetProvider</c>); report templates and plugins are checked here, by the names, sizes and times of their
/// files. A changed template set that loads and compiles for every plugin replaces the old one; one with errors is
/// not taken: the previous templates stay in force and the errors are shown on the rules page. A plugin whose files
/// changed is loaded anew in a context of its own: if it loads, the next batch uses it (a batch already running keeps
/// the runtime it started with, and so the old version); if not, the version loaded before stays and the failure is shown.
/// </summary>
public sealed class RuntimeProvider(HostRuntime initial)
{
    private readonly Lock _lock = new();
    private HostRuntime _current = initial;
    private string? _stamp;
    private IReadOnlyList<Problem> _templateProblems = [];
    // Taken when the host starts, before any request: a plugin replaced before the first upload is still seen.
    private IReadOnlyDictionary<string, string>? _pluginStamps = PluginStamps.Of(initial.Folders.Plugins);
    private readonly Dictionary<string, IReadOnlyList<Problem>> _pluginProblems = new(StringComparer.Ordinal);
    // A new version not taken because its rules or template do not fit it, and what those files looked like then:
    // tried again when they change, since a consultant may be updating them for the new version.
    private readonly Dictionary<string, string> _waiting = new(StringComparer.Ordinal);
    // Leases of runtimes by generation, and replaced plugins with the generation that replaced them: a replaced
    // plugin is unloaded once no batch that may use it is running.
    private long _generation;
    private readonly Dictionary<long, int> _leases = [];
    private readonly List<(long ReplacedAt, LoadedPlugin Plugin)> _replaced = [];

    /// <summary>The runtime to use now, for reading (pages, catalogs); a batch takes a <see cref="Lease"/>.</summary>
    public HostRuntime Current
    {
        get
        {
            lock (_lock)
                return Refresh();
        }
    }

    /// <summary>The runtime for one batch, held until the lease is disposed, so the plugin it uses is not unloaded meanwhile.</summary>
    public RuntimeLease Lease()
    {
        lock (_lock)
        {
            var runtime = Refresh();
            _leases[_generation] = _leases.GetValueOrDefault(_generation) + 1;
            return new RuntimeLease(this, runtime, _generation);
        }
    }

    internal void Release(long generation)
    {
        lock (_lock)
        {
            if (--_leases[generation] == 0)
                _leases.Remove(generation);
            UnloadReplaced();
        }
    }

    private HostRuntime Refresh()
    {
        var plugins = PluginStamps.Of(_current.Folders.Plugins);
        if (_pluginStamps is null)
            _pluginStamps = plugins;
        else if (!SameStamps(plugins, _pluginStamps))
            ReloadPlugins(plugins);
        var stamp = Stamp(_current.Folders.Templates);
        if (_stamp is null)
            _stamp = stamp;
        else if (stamp != _stamp)
            Reload(stamp);
        foreach (var (folder, files) in _waiting.ToList())
            if (WaitingStamp(folder) != files)
                ReloadPlugin(folder);
        return _current;
    }

    private void UnloadReplaced()
    {
        var oldestLease = _leases.Count == 0 ? long.MaxValue : _leases.Keys.Min();
        foreach (var replaced in _replaced.Where(r => oldestLease >= r.ReplacedAt).ToList())
        {
            _current.RuleSets.Forget(replaced.Plugin);
            replaced.Plugin.Context.Dispose();
            _replaced.Remove(replaced);
        }
    }

    /// <summary>Why the templates on disk are not the ones in force, if they are not.</summary>
    public IReadOnlyList<Problem> TemplateProblems
    {
        get
        {
            _ = Current;
            lock (_lock)
                return _templateProblems;
        }
    }

    /// <summary>Why a plugin on disk is not the version in force, if it is not.</summary>
    public IReadOnlyList<Problem> PluginProblems
    {
        get
        {
            _ = Current;
            lock (_lock)
                return [.. _pluginProblems.Values.SelectMany(p => p)];
        }
    }

    private void ReloadPlugins(IReadOnlyDictionary<string, string> stamps)
    {
        var changed = stamps.Where(s => !_pluginStamps!.TryGetValue(s.Key, out var before) || before != s.Value).Select(s => s.Key).ToList();
        _pluginStamps = stamps;
        foreach (var folder in changed)
            ReloadPlugin(folder);
    }

    /// <summary>
    /// Loads a plugin folder anew. The new version is taken when it loads, its rule file compiles against its types and
    /// it has a report template; otherwise the version before stays and the rules page says why.
    /// </summary>
    private void ReloadPlugin(string folder)
    {
        _waiting.Remove(folder);
        var catalog = _current.Plugins;
        var old = catalog.FromFolder(folder);
        var (candidate, failure) = PluginLoader.LoadFolder(folder);
        var (updated, clash) = candidate is null ? (null, null) : catalog.With(candidate);
        var unfit = candidate is null || updated is null ? [] : Unfit(candidate);
        if (updated is not null && (unfit.Count == 0 || old is null))
        {
            _current = _current.WithPlugins(updated);
            _pluginProblems.Remove(folder);
            if (old is not null)
            {
                _replaced.Add((++_generation, old));
                UnloadReplaced();
            }
            // A plugin refused for sharing its name with this folder's may be free of the clash now.
            foreach (var clashed in updated.Failures.Where(f => f.Code == "PLUGIN009" && f.Where.File is not null).Select(f => Path.GetDirectoryName(f.Where.File!)!).ToList())
                if (!string.Equals(clashed, folder, StringComparison.Ordinal))
                    ReloadPlugin(clashed);
            return;
        }
        candidate?.Context.Dispose();
        var problems = unfit.Count > 0 ? unfit : [(failure ?? clash)!];
        if (old is null)
        {
            _current = _current.WithPlugins(catalog.WithFailure(folder, problems[0]));
            return;
        }
        if (unfit.Count > 0)
            _waiting[folder] = WaitingStamp(folder);
        _pluginProblems[folder] =
        [
            .. problems.Select(p => p with { Severity = Severity.Warning }),
            Problem.Warning("PLUGIN030", $"the changed plugin in {folder} was not taken; the version loaded before ({old.Instance.Name}, {old.Assembly.GetName().Version}) stays in force", new SourceLocation { File = old.AssemblyPath }),
        ];
    }

    /// <summary>Why a new version that loads cannot post: its rules do not compile against it, or it has no report template.</summary>
    private IReadOnlyList<Problem> Unfit(LoadedPlugin candidate)
    {
        var (workflow, ruleProblems) = new RuleSetProvider(_current.Folders.Rules).For(candidate);
        var template = _current.Reports.Renderer?.Prepare(candidate.Name) ?? [];
        return workflow is null || ruleProblems.HasErrors() ? [.. ruleProblems.Where(p => p.IsError).Take(5), .. template] : template;
    }

    /// <summary>What the files that decide whether a waiting version fits look like: the rule files and the templates.</summary>
    private string WaitingStamp(string folder) =>
        Stamp(_current.Folders.Templates) + "\n" + string.Join('\n', Directory.Exists(_current.Folders.Rules)
            ? Directory.EnumerateFiles(_current.Folders.Rules, "*.json").Order(StringComparer.Ordinal).Select(f => new FileInfo(f)).Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}")
            : []) + "\n" + (_pluginStamps?.GetValueOrDefault(folder) ?? "");

    private static bool SameStamps(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && other == pair.Value);

    private void Reload(string stamp)
    {
        _stamp = stamp;
        var candidate = _current.WithTemplatesReloaded();
        var (renderer, problems) = candidate.Reports;
        // As templates check does: each template rendered with a sample batch, so one that fails on every batch is not taken.
        var all = problems.Concat(renderer is null ? [] : candidate.Plugins.Plugins.SelectMany(p => renderer.Prepare(p.Name)))
            .Concat(renderer is null ? [] : renderer.TryEveryTemplate()).ToList();
        if (renderer is not null && !all.HasErrors())
        {
            _current = candidate;
            _templateProblems = all;
            return;
        }
        _templateProblems = [.. all.Select(p => p with { Severity = Severity.Warning }),
            Problem.Warning("TEMPLATE040", "the changed report templates have errors; the templates loaded before stay in force", new SourceLocation { File = _current.Folders.Templates })];
    }

    private static string Stamp(string folder)
    {
        if (!Directory.Exists(folder))
            return "";
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(TemplateNames.IsReportFile).Order(StringComparer.Ordinal)
            .Select(path => new FileInfo(path)).Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}");
        return string.Join('\n', files);
    }

}
