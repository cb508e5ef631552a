using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Chooses the plugin and sheet for a workbook: the plugin named with <c>--plugin</c>, or the one whose
/// sheet name and headers the workbook matches. Ambiguity and no match are errors that list every plugin
/// and the headers it expects.
/// </summary>
public static class JournalDetector
{
    /// <summary>Chooses, or returns the problems that prevent choosing.</summary>
    public static (JournalChoice? Choice, IReadOnlyList<Problem> Problems) Choose(
        string file, IReadOnlyList<SheetPreview> sheets, IReadOnlyList<LoadedPlugin> plugins, string? pluginName, string? sheetName = null)
    {
        var where = new SourceLocation { File = file };
        if (sheetName is not null)
        {
            var chosen = sheets.Where(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (chosen.Count == 0)
                return (null, [Problem.Error("SHEET006", $"the workbook has no sheet '{sheetName}'; its sheets are {string.Join(", ", sheets.Select(x => $"'{x.Name}'"))}", where)]);
            sheets = chosen;
        }
        else if (Ambiguous(sheets, plugins, pluginName) is { } several)
        {
            // Two sheets that each hold a journal: posting one would silently leave the other, and the file could not be posted again.
            return (null, [Problem.Error("SHEET005", $"the sheets {string.Join(" and ", several.Select(x => $"'{x}'"))} each hold a complete journal; post one at a time with --sheet", where)]);
        }
        if (pluginName is not null)
        {
            var plugin = new PluginCatalog("", plugins, []).Find(pluginName);
            if (plugin is null)
                return (null, [Problem.Error("PLUGIN010", $"there is no plugin named '{pluginName}'. {Describe(plugins)}", where)]);
            var best = Candidates(sheets, plugin).OrderByDescending(c => c.Score).FirstOrDefault();
            if (best.Match is null)
                return (null, [Problem.Error("SHEET001", $"no sheet of the workbook has the headers of {plugin.Name}. {Expected(plugin)}", where)]);
            if (!best.Match.IsComplete)
                return (null, HeaderProblems(file, best.Sheet, best.Match, plugin));
            return (new JournalChoice(plugin, best.Sheet, best.Match), []);
        }

        var complete = plugins.SelectMany(p => Candidates(sheets, p).Where(c => c.Match!.IsComplete).Select(c => (Plugin: p, c.Sheet, c.Match, c.Score)))
            .GroupBy(c => c.Plugin)
            .Select(g => g.OrderByDescending(c => c.Score).First())
            .ToList();
        if (complete.Count == 1)
            return (new JournalChoice(complete[0].Plugin, complete[0].Sheet, complete[0].Match!), []);
        if (complete.Count > 1)
        {
            // A sheet named as a journal breaks the tie; otherwise the user must say which.
            var named = complete.Where(c => c.Plugin.Instance.Schema.SheetNames.Contains(c.Sheet, StringComparer.OrdinalIgnoreCase)).ToList();
            if (named.Count == 1)
                return (new JournalChoice(named[0].Plugin, named[0].Sheet, named[0].Match!), []);
            return (null, [Problem.Error("PLUGIN011", $"the workbook matches more than one plugin ({string.Join(", ", complete.Select(c => c.Plugin.Name))}); choose one with --plugin. {Describe(plugins)}", where)]);
        }
        var closest = plugins.Select(p => (Plugin: p, Best: Candidates(sheets, p).OrderByDescending(c => c.Score).FirstOrDefault()))
            .Where(x => x.Best.Match is not null)
            .Select(x => $"{x.Plugin.Name} found {x.Best.Match!.Columns.Count} of its headers on sheet '{x.Best.Sheet}'" +
                         (x.Best.Match.Missing.Count > 0 ? $" and misses {string.Join(", ", x.Best.Match.Missing.Select(c => $"'{c.Caption}'"))}." : "") +
                         (x.Best.Match.Duplicates.Count > 0 ? $" and has {string.Join(", ", x.Best.Match.Duplicates.Select(c => $"'{c.Caption}'"))} more than once." : ""));
        return (null, [Problem.Error("PLUGIN012", $"the workbook matches no plugin: no sheet has all the headers of one. {string.Join(" ", closest)} {Describe(plugins)}".Replace("  ", " ", StringComparison.Ordinal), where)]);
    }

    private static IReadOnlyList<string>? Ambiguous(IReadOnlyList<SheetPreview> sheets, IReadOnlyList<LoadedPlugin> plugins, string? pluginName)
    {
        var relevant = pluginName is null ? plugins : plugins.Where(p => new PluginCatalog("", [p], []).Find(pluginName) is not null).ToList();
        var complete = sheets.Where(sheet => relevant.Any(p => HeaderMatch.Find(sheet.FirstRows, p.Instance.Schema) is { IsComplete: true })).Select(s => s.Name).ToList();
        return complete.Count > 1 ? complete : null;
    }

    private static IEnumerable<(string Sheet, HeaderMatch? Match, int Score)> Candidates(IReadOnlyList<SheetPreview> sheets, LoadedPlugin plugin)
    {
        foreach (var sheet in sheets)
        {
            var match = HeaderMatch.Find(sheet.FirstRows, plugin.Instance.Schema);
            if (match is null)
                continue;
            var named = plugin.Instance.Schema.SheetNames.Any(n => HeaderText.Normalize(n) == HeaderText.Normalize(sheet.Name));
            yield return (sheet.Name, match, match.Columns.Count * 2 + (named ? 1 : 0));
        }
    }

    private static IReadOnlyList<Problem> HeaderProblems(string file, string sheet, HeaderMatch match, LoadedPlugin plugin)
    {
        var where = new SourceLocation { File = file, Sheet = sheet, Row = match.HeaderRow };
        // The columns the plugin needs are listed once, after the first missing one, not after each.
        var needs = $"; {plugin.Name} needs: {string.Join(", ", plugin.Instance.Schema.Columns().Where(x => x.Declaration.Required).Select(x => x.Caption))}";
        var problems = match.Missing
            .Select((c, i) => Problem.Error("SHEET002", $"column '{c.Caption}'{OtherLanguages(c)} is missing from the header row (row {match.HeaderRow}){(i == 0 ? needs : "")}", where))
            .ToList();
        problems.AddRange(match.Duplicates.Select(c => Problem.Error("SHEET004", $"column '{c.Caption}' appears more than once in the header row", where)));
        return problems;
    }

    /// <summary>The Swedish and Norwegian captions of a column, for users whose workbook is not in English.</summary>
    private static string OtherLanguages(JournalColumn column) =>
        column.Declaration.Captions.Count >= 3 ? $" (Swedish '{column.Declaration.Captions[1]}', Norwegian '{column.Declaration.Captions[2]}')" : "";

    private static string Expected(LoadedPlugin plugin) =>
        $"{plugin.Name} expects a sheet named {string.Join(" or ", plugin.Instance.Schema.SheetNames.Select(n => $"'{n}'"))} with the headers: {string.Join(", ", plugin.Instance.Schema.Columns().Select(c => c.Caption))}.";

    private static string Describe(IReadOnlyList<LoadedPlugin> plugins) =>
        plugins.Count == 0 ? "No plugin is loaded." : string.Join(" ", plugins.Select(Expected));
}
