using PluginHost.Engine.Problems;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>A template file as parsed: its path, its name in the folder (<c>partials/totals.sbn-html</c>) and Scriban's tree.</summary>
internal sealed record ParsedTemplate(string Path, string Name, string Text, Template Template, bool Html);

/// <summary>
/// Every template of a templates folder, read, parsed and checked at once: the plugins' HTML reports, the Markdown
/// report, the partials, the labels file and the pictures. A set with an error in any of them is not used; its problems
/// name each file, line and column (docs/reports.md). Renders read only this set, never the disk.
/// </summary>
internal sealed class TemplateSet
{
    private readonly Dictionary<string, ParsedTemplate> _reports;
    private readonly Dictionary<string, ParsedTemplate> _partials;

    private TemplateSet(string folder, Dictionary<string, ParsedTemplate> reports, Dictionary<string, ParsedTemplate> partials, TemplateLabels labels, TemplateImages images)
    {
        Folder = folder;
        _reports = reports;
        _partials = partials;
        Labels = labels;
        Images = images;
        Functions = TemplateFunctions.Create(images);
        Loader = new PartialLoader(this);
    }

    /// <summary>The templates folder.</summary>
    public string Folder { get; }

    /// <summary>The labels of every language, the host's and the consultants'.</summary>
    public TemplateLabels Labels { get; }

    /// <summary>The pictures a template can show with <c>image</c>.</summary>
    public TemplateImages Images { get; }

    /// <summary>The functions a template can call.</summary>
    public ScriptObject Functions { get; }

    /// <summary>Scriban's loader of partials: names resolve to the partials of this set only.</summary>
    public ITemplateLoader Loader { get; }

    /// <summary>The report templates by name: the plugin's name for HTML, <c>report.md</c> for Markdown.</summary>
    public IReadOnlyDictionary<string, ParsedTemplate> Reports => _reports;

    /// <summary>The partials by the name <c>include</c> takes.</summary>
    public IReadOnlyDictionary<string, ParsedTemplate> Partials => _partials;

    /// <summary>A partial by name, or null.</summary>
    public ParsedTemplate? Partial(string name) => _partials.GetValueOrDefault(name);

    /// <summary>The HTML report template of a plugin, or null.</summary>
    public ParsedTemplate? HtmlReport(string plugin) => _reports.GetValueOrDefault(plugin);

    /// <summary>The Markdown report template, or null.</summary>
    public ParsedTemplate? MarkdownReport => _reports.GetValueOrDefault(Path.GetFileNameWithoutExtension(TemplateNames.Markdown));

    /// <summary>Reads and checks every template of a folder; the set is null when any has an error.</summary>
    public static (TemplateSet? Set, IReadOnlyList<Problem> Problems) Load(string folder)
    {
        try
        {
            return LoadFiles(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file removed or locked while the folder was read (an editor saving it): said, and tried again at the next change.
            return (null, [Problem.Error("TEMPLATE000", $"the templates folder could not be read: {ex.Message}", new SourceLocation { File = folder })]);
        }
    }

    private static (TemplateSet? Set, IReadOnlyList<Problem> Problems) LoadFiles(string folder)
    {
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
            return (null, [Problem.Error("TEMPLATE000", $"the templates folder {folder} does not exist (--templates, PLUGINHOST_TEMPLATES)", new SourceLocation { File = folder })]);
        var problems = new List<Problem>();
        var reports = new Dictionary<string, ParsedTemplate>(StringComparer.OrdinalIgnoreCase);
        var partials = new Dictionary<string, ParsedTemplate>(StringComparer.Ordinal);
        // The reports at the top of the folder and the partials in partials/; other folders (a backup, drafts) are not read.
        foreach (var path in Directory.EnumerateFiles(folder).Where(TemplateNames.IsTemplate).Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var stem = StemOf(file);
            // A report is escaped because it is HTML, whatever its file is called: only the Markdown report is text.
            if (!file.EndsWith(TemplateNames.Html, StringComparison.OrdinalIgnoreCase) && !string.Equals(file, TemplateNames.Markdown, StringComparison.OrdinalIgnoreCase))
                problems.Add(Problem.Error("TEMPLATE009", $"{file} is not a report template: a plugin's report is {stem}{TemplateNames.Html}, and the only text template is {TemplateNames.Markdown}", new SourceLocation { File = path }));
            else if (reports.TryGetValue(stem, out var other))
                problems.Add(Problem.Error("TEMPLATE009", $"two report templates are named '{stem}': {Path.GetFileName(other.Path)} and {file}; rename or remove one", new SourceLocation { File = path }));
            else
                reports[stem] = Parse(path, file, problems);
        }
        var partialsFolder = Path.Combine(folder, TemplateNames.PartialsFolder);
        if (Directory.Exists(partialsFolder))
        {
            foreach (var path in Directory.EnumerateFiles(partialsFolder).Where(TemplateNames.IsTemplate).Order(StringComparer.Ordinal))
            {
                var stem = StemOf(Path.GetFileName(path));
                if (partials.TryGetValue(stem, out var other))
                    problems.Add(Problem.Error("TEMPLATE009", $"two partials are named '{stem}': {Path.GetFileName(other.Path)} and {Path.GetFileName(path)}; include \"{stem}\" cannot tell which is meant, so rename or remove one", new SourceLocation { File = path }));
                partials[stem] = Parse(path, TemplateNames.PartialsFolder + "/" + Path.GetFileName(path), problems);
            }
        }
        var (labels, labelProblems) = TemplateLabels.Load(folder);
        problems.AddRange(labelProblems);
        var images = LoadImages(folder, problems);
        var set = new TemplateSet(folder, reports, partials, labels, images);
        foreach (var template in reports.Values.Concat(partials.Values))
            problems.AddRange(TemplateChecker.Check(template, set));
        var ordered = problems.OrderBy(p => p.Where.File, StringComparer.Ordinal).ThenBy(p => p.Where.Line ?? 0).ThenBy(p => p.Where.Position ?? 0).ToList();
        return (problems.HasErrors() ? null : set, ordered);
    }

    private static string StemOf(string name) => name[..^(name.EndsWith(TemplateNames.Html, StringComparison.OrdinalIgnoreCase) ? TemplateNames.Html.Length : TemplateNames.Text.Length)];

    private static ParsedTemplate Parse(string path, string name, List<Problem> problems)
    {
        var text = TemplateFiles.ReadText(path, problems);
        var template = Template.Parse(text, path);
        var habits = TemplateBlocks.Habits(path, text, path.EndsWith(TemplateNames.Html, StringComparison.OrdinalIgnoreCase)).ToList();
        // On a line with another language's habit, the parser's own complaint about it ("Unexpected token /") says less.
        var habitLines = habits.Where(h => h.IsError).Select(h => h.Where.Line).ToHashSet();
        problems.AddRange(TemplateErrors.FromParser(path, text, template.Messages).Where(p => !habitLines.Contains(p.Where.Line)).DistinctBy(p => (p.Message, p.Where.Line, p.Where.Position)));
        problems.AddRange(habits);
        return new ParsedTemplate(path, name, text, template, path.EndsWith(TemplateNames.Html, StringComparison.OrdinalIgnoreCase));
    }

    private static TemplateImages LoadImages(string folder, List<Problem> problems)
    {
        var images = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        var tooLarge = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!TemplateImages.Types.TryGetValue(Path.GetExtension(path), out var mime))
                continue;
            if (!TemplateFiles.IsReadable(path, problems))
                continue;
            var length = new FileInfo(path).Length;
            if (length > TemplateImages.MaxBytes)
            {
                problems.Add(Problem.Warning("TEMPLATE007", $"the picture is {length / 1024:N0} KiB; pictures above {TemplateImages.MaxBytes / 1024} KiB are not put in reports (they are mailed and printed)", new SourceLocation { File = path }));
                tooLarge.Add(Path.GetRelativePath(folder, path).Replace('\\', '/'));
                continue;
            }
            images[Path.GetRelativePath(folder, path).Replace('\\', '/')] = (mime, File.ReadAllBytes(path));
        }
        return new TemplateImages(images, tooLarge);
    }

    /// <summary>Resolves <c>include "NAME"</c> to this set's partial of that name; any other name is an error at the include.</summary>
    private sealed class PartialLoader(TemplateSet set) : ITemplateLoader
    {
        public string? GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            set._partials.ContainsKey(templateName) ? templateName : throw new ScriptRuntimeException(callerSpan, TemplateErrors.UnknownPartial(templateName, set._partials.Keys));

        public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            set._partials.TryGetValue(templatePath, out var partial) ? partial.Text : null;

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
