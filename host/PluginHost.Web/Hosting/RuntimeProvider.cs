using PluginHost.Engine.Plugins;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
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

    /// <summary>The runtime to use now.</summary>
    public HostRuntime Current
    {
        get
        {
            lock (_lock)
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
                return _current;
            }
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
        {
            var catalog = _current.Plugins;
            var old = catalog.FromFolder(folder);
            var (candidate, failure) = PluginLoader.LoadFolder(folder);
            var (updated, clash) = candidate is null ? (null, null) : catalog.With(candidate);
            if (updated is not null)
            {
                _current = _current.WithPlugins(updated);
                _pluginProblems.Remove(folder);
                // Unloads once nothing holds its types any more: a batch still running on it finishes first.
                old?.Context.Dispose();
                continue;
            }
            candidate?.Context.Dispose();
            var problem = (failure ?? clash)!;
            if (old is null)
            {
                _current = _current.WithPlugins(catalog.WithFailure(folder, problem));
                continue;
            }
            _pluginProblems[folder] =
            [
                problem with { Severity = Severity.Warning },
                Problem.Warning("PLUGIN030", $"the changed plugin in {folder} was not taken; the version loaded before ({old.Instance.Name}, {old.Assembly.GetName().Version}) stays in force", new SourceLocation { File = old.AssemblyPath }),
            ];
        }
    }

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
