using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules;

/// <summary>
/// Gives each plugin its compiled workflow from <c>rules/NAME.json</c>, and keeps it current in a long-running host:
/// when the file changes it is compiled again, and if the new version has errors the previous rule set stays in
/// force while the errors are reported (docs/rules.md, "Reloading").
/// </summary>
public sealed class RuleSetProvider(string rulesFolder)
{
    /// <summary>A rule set as compiled for one loaded plugin: a new version of the plugin has new types, so its rules are compiled again.</summary>
    private sealed record Entry(LoadedPlugin Plugin, FileStamp Stamp, CompiledWorkflow? Current, IReadOnlyList<Problem> Problems);

    private readonly record struct FileStamp(DateTime WrittenUtc, long Length);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>The rules folder.</summary>
    public string Folder => rulesFolder;

    /// <summary>The rule file of a plugin.</summary>
    public string FileOf(LoadedPlugin plugin) => Path.Combine(rulesFolder, plugin.Name + ".json");

    /// <summary>
    /// The workflow in force for a plugin and the problems of the file as it is now. After a change with errors,
    /// the workflow is the previous one and the problems say why the change was not taken.
    /// </summary>
    public (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) For(LoadedPlugin plugin)
    {
        var path = FileOf(plugin);
        lock (_lock)
        {
            var stamp = Stamp(path);
            if (_entries.TryGetValue(plugin.Name, out var entry) && entry.Stamp == stamp && ReferenceEquals(entry.Plugin, plugin))
                return (entry.Current, entry.Problems);
            if (entry is not null && !ReferenceEquals(entry.Plugin, plugin))
                entry = null; // compiled against another version's types: neither reused nor kept in force

            var (compiled, unordered) = Compile(plugin, path);
            // In the order of the file, as an editor lists them.
            IReadOnlyList<Problem> problems = [.. unordered.OrderBy(p => p.Where.Line ?? 0).ThenBy(p => p.Where.Position ?? 0)];
            if (compiled is null && entry?.Current is { } previous)
            {
                var kept = problems.Select(p => p with { Severity = Severity.Warning }).Append(Problem.Warning("RULE040", $"the changed rule file has errors; the rule set loaded before (SHA-256 {previous.File.Sha256[..12]}) stays in force", new SourceLocation { File = path })).ToList();
                _entries[plugin.Name] = new Entry(plugin, stamp, previous, kept);
                return (previous, kept);
            }
            _entries[plugin.Name] = new Entry(plugin, stamp, compiled, problems);
            return (compiled, problems);
        }
    }

    /// <summary>Drops the rule set compiled for a plugin that was replaced, so nothing here keeps its types loaded.</summary>
    public void Forget(LoadedPlugin plugin)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(plugin.Name, out var entry) && ReferenceEquals(entry.Plugin, plugin))
                _entries.Remove(plugin.Name);
        }
    }

    private (CompiledWorkflow?, IReadOnlyList<Problem>) Compile(LoadedPlugin plugin, string path)
    {
        if (!Directory.Exists(rulesFolder))
            return (null, [Problem.Error("RULE000", $"the rules folder {rulesFolder} does not exist (--rules, PLUGINHOST_RULES)", new SourceLocation { File = rulesFolder })]);
        if (!File.Exists(path))
            return (null, [Problem.Error("RULE000", $"there is no rule file for plugin {plugin.Name}: {path}", new SourceLocation { File = path })]);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [Problem.Error("RULE000", $"the rule file cannot be read: {ex.Message}", new SourceLocation { File = path })]);
        }
        var (file, problems) = RuleFileReader.Read(path, bytes);
        if (file is null || file.Workflows.Count == 0)
            return (null, problems);
        // The expressions are judged even when the file's shape has errors: every problem at once.
        var (compiled, more) = RuleCompiler.Compile(file, plugin.Name, plugin.Instance.RuleInputs);
        if (!problems.HasErrors())
            return (compiled, more);
        var reported = problems.Select(p => (p.Code, p.Where.Line, p.Where.Position)).ToHashSet();
        return (null, [.. problems, .. more.Where(p => !reported.Contains((p.Code, p.Where.Line, p.Where.Position)))]);
    }

    private static FileStamp Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : default;
    }
}
