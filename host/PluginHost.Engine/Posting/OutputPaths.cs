using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Posting;

/// <summary>
/// Where PluginHost may write a file (a report, an error workbook, a template): a file name in an existing folder, never
/// the database or a file the user gave as input. A bad path is refused before anything is done.
/// </summary>
public static class OutputPaths
{
    /// <summary>
    /// Resolves <paramref name="given"/> (else <paramref name="fallback"/>) and checks it; returns the full path, or the problem.
    /// <paramref name="what"/> names the output in messages ("report"), <paramref name="option"/> the option that sets it.
    /// </summary>
    public static (string? Path, Problem? Problem) Resolve(string? given, string fallback, string what, string option, string database, params string[] inputs) =>
        Resolve(given, fallback, what, option, database, ReplaceableAs(what), inputs);

    /// <summary>
    /// Which existing files an output may replace: a report replaces a report (.html, .htm, .md); an error workbook
    /// replaces one PluginHost wrote, whatever its name; anything else replaces nothing.
    /// </summary>
    private static Func<string, bool> ReplaceableAs(string what) => what switch
    {
        "report" => path => new[] { ".html", ".htm", ".md" }.Any(end => path.EndsWith(end, StringComparison.OrdinalIgnoreCase)),
        "error workbook" => path => path.EndsWith(".errors.xlsx", StringComparison.OrdinalIgnoreCase)
            || (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && Workbooks.ErrorWorkbook.IsOne(path)),
        _ => _ => false,
    };

    /// <summary>As above; an existing file is replaced only when <paramref name="replaceable"/> says so (a report over a report).</summary>
    public static (string? Path, Problem? Problem) Resolve(string? given, string fallback, string what, string option, string database, Func<string, bool> replaceable, string[] inputs)
    {
        if (given is not null && string.IsNullOrWhiteSpace(given))
            return (null, Problem.Error("REPORT001", $"{option} needs a file name for the {what}", new SourceLocation()));
        var target = Path.GetFullPath(given ?? fallback);
        var where = new SourceLocation { File = target };
        var db = Path.GetFullPath(database);
        if (Directory.Exists(target))
            return (null, Problem.Error("REPORT001", $"the {what} path {target} is a folder; give a file name", where));
        if (!Directory.Exists(Path.GetDirectoryName(target)))
            return (null, Problem.Error("REPORT001", $"the folder of the {what} {target} does not exist", where));
        if (inputs.Select(Path.GetFullPath).Contains(target, StringComparer.Ordinal) || new[] { db, db + "-wal", db + "-shm", db + "-journal" }.Contains(target, StringComparer.Ordinal))
            return (null, Problem.Error("REPORT001", $"the {what} would overwrite {target}, which is the workbook or the database; choose another {option}", where));
        if (File.Exists(target) && !replaceable(target))
            return (null, Problem.Error("REPORT001", $"{target} already exists and is not {(what.StartsWith('e') ? "an" : "a")} {what} written before; choose another {option}", where));
        return (target, null);
    }
}
