using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports.Templates;

namespace PluginHost.Web.Hosting;

/// <summary>
/// The host runtime in force for each request. Rule files are reloaded by the engine itself when they change
/// (<c>RuleSetProvider</c>); report templates are checked here, by the names, sizes and times of the files in the
/// templates folder. A changed set that loads and compiles for every plugin replaces the old one; one with errors is
/// not taken: the previous templates stay in force and the errors are shown on the rules page.
/// </summary>
public sealed class RuntimeProvider(HostRuntime initial)
{
    private readonly Lock _lock = new();
    private HostRuntime _current = initial;
    private string? _stamp;
    private IReadOnlyList<Problem> _templateProblems = [];

    /// <summary>The runtime to use now.</summary>
    public HostRuntime Current
    {
        get
        {
            lock (_lock)
            {
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

    private void Reload(string stamp)
    {
        _stamp = stamp;
        var candidate = _current.WithTemplatesReloaded();
        var (renderer, problems) = candidate.Reports;
        var all = problems.Concat(renderer is null ? [] : candidate.Plugins.Plugins.SelectMany(p => renderer.Prepare(p.Name))).ToList();
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
