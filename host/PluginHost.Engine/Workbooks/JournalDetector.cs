using PluginHost.Engine.Languages;
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
        string file, IReadOnlyList<SheetPreview> sheets, IReadOnlyList<LoadedPlugin> plugins, string? pluginName, string? sheetName = null, HostText? text = null)
    {
        var t = text ?? HostText.English;
        var where = new SourceLocation { File = file };
        if (sheetName is not null)
        {
            var chosen = sheets.Where(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (chosen.Count == 0)
                return (null, [Problem.Error("SHEET006", t.Format("Detect.NoSuchSheet", sheetName, string.Join(", ", sheets.Select(x => $"'{x.Name}'"))), where)]);
            sheets = chosen;
        }
        else if (Ambiguous(sheets, plugins, pluginName) is { } several)
        {
            // Two sheets that each hold a journal: posting one would silently leave the other, and the file could not be posted again.
            return (null, [Problem.Error("SHEET005", t.Format("Detect.TwoJournals", string.Join(t["Detect.And"], several.Select(x => $"'{x}'"))), where)]);
        }
        if (pluginName is not null)
        {
            var plugin = new PluginCatalog("", plugins, []).Find(pluginName);
            if (plugin is null)
                return (null, [Problem.Error("PLUGIN010", t.Format("Detect.NoSuchPlugin", pluginName, Describe(plugins, t)), where)]);
            var best = Candidates(sheets, plugin).OrderByDescending(c => c.Score).FirstOrDefault();
            if (best.Match is null)
                return (null, [Problem.Error("SHEET001", t.Format("Detect.NoHeaders", plugin.Name, Expected(plugin, t)), where)]);
            if (!best.Match.IsComplete)
                return (null, HeaderProblems(file, best.Sheet, best.Match, plugin, t));
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
            return (null, [Problem.Error("PLUGIN011", t.Format("Detect.ManyPlugins", string.Join(", ", complete.Select(c => c.Plugin.Name)), Describe(plugins, t)), where)]);
        }
        var closest = plugins.Select(p => (Plugin: p, Best: Candidates(sheets, p).OrderByDescending(c => c.Score).FirstOrDefault()))
            .Where(x => x.Best.Match is not null)
            .Select(x => t.Format("Detect.Closest", x.Plugin.Name, x.Best.Match!.Columns.Count, x.Best.Sheet) +
                         (x.Best.Match.Missing.Count > 0 ? t.Format("Detect.Misses", string.Join(", ", x.Best.Match.Missing.Select(c => $"'{Caption(c, t)}'"))) : "") +
                         (x.Best.Match.Duplicates.Count > 0 ? t.Format("Detect.Twice", string.Join(", ", x.Best.Match.Duplicates.Select(c => $"'{Caption(c, t)}'"))) : ""));
        return (null, [Problem.Error("PLUGIN012", t.Format("Detect.NoPlugin", string.Join(" ", closest), Describe(plugins, t)).Replace("  ", " ", StringComparison.Ordinal), where)]);
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

    private static IReadOnlyList<Problem> HeaderProblems(string file, string sheet, HeaderMatch match, LoadedPlugin plugin, HostText t)
    {
        var where = new SourceLocation { File = file, Sheet = sheet, Row = match.HeaderRow };
        // The columns the plugin needs are listed once, after the first missing one, not after each.
        var needs = t.Format("Detect.Needs", plugin.Name, string.Join(", ", plugin.Instance.Schema.Columns().Where(x => x.Declaration.Required).Select(x => Caption(x, t))));
        var problems = match.Missing
            .Select((c, i) => Problem.Error("SHEET002", t.Format("Detect.Missing", Caption(c, t), OtherLanguages(c, t), match.HeaderRow, i == 0 ? needs : ""), where))
            .ToList();
        problems.AddRange(match.Duplicates.Select(c => Problem.Error("SHEET004", t.Format("Detect.Duplicate", Caption(c, t)), where)));
        return problems;
    }

    /// <summary>A column's caption in the batch's language (English, Swedish, Norwegian: the order of its captions).</summary>
    private static string Caption(JournalColumn column, HostText t)
    {
        var index = Array.IndexOf(JournalTemplate.Languages, t.Code);
        return index > 0 && column.Declaration.Captions.Count > index ? column.Declaration.Captions[index] : column.Caption;
    }

    /// <summary>A column's captions in the other two languages, for a workbook written in one of them.</summary>
    private static string OtherLanguages(JournalColumn column, HostText t)
    {
        if (column.Declaration.Captions.Count < 3)
            return "";
        var others = JournalTemplate.Languages.Select((code, i) => (code, i)).Where(x => x.code != t.Code)
            .Select(x => t.Format("Detect.InLanguage", t["Language." + x.code], column.Declaration.Captions[x.i]));
        return $" ({string.Join(", ", others)})";
    }

    private static string Expected(LoadedPlugin plugin, HostText t) =>
        t.Format("Detect.Expects", plugin.Name, string.Join(t["Detect.Or"], plugin.Instance.Schema.SheetNames.Select(n => $"'{n}'")),
            string.Join(", ", plugin.Instance.Schema.Columns().Select(c => Caption(c, t))));

    private static string Describe(IReadOnlyList<LoadedPlugin> plugins, HostText t) =>
        plugins.Count == 0 ? t["Detect.NoPluginLoaded"] : string.Join(" ", plugins.Select(p => Expected(p, t)));
}
