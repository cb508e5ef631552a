using HandlebarsDotNet;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Reports;

/// <summary>
/// Renders batch reports with Handlebars.Net (the stand-in for Scriban): one template per plugin,
/// <c>templates/PLUGIN.hbs</c>, plus the shared partials in <c>templates/partials/</c>. Output is HTML-escaped
/// by default, and a value the template names but the model lacks is an error, not a blank.
/// </summary>
public sealed class ReportRenderer
{
    private readonly IHandlebars _handlebars;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _templates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _compileLock = new();
    private readonly string _folder;

    private ReportRenderer(string folder, IHandlebars handlebars)
    {
        _folder = folder;
        _handlebars = handlebars;
    }

    /// <summary>Loads the partials of a templates folder; problems name the file.</summary>
    public static (ReportRenderer? Renderer, IReadOnlyList<Problem> Problems) Load(string folder)
    {
        if (!Directory.Exists(folder))
            return (null, [Problem.Error("TEMPLATE000", $"the templates folder {folder} does not exist", new SourceLocation { File = folder })]);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        var problems = new List<Problem>();
        var partials = Path.Combine(folder, "partials");
        if (Directory.Exists(partials))
        {
            foreach (var file in Directory.GetFiles(partials, "*.hbs").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                try
                {
                    handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(file), text);
                }
                catch (HandlebarsException ex)
                {
                    problems.Add(TemplateProblems.From(file, text, ex));
                }
            }
        }
        return (problems.HasErrors() ? null : new ReportRenderer(folder, handlebars), problems);
    }

    /// <summary>Compiles a plugin's template now, so a broken one is found before anything is posted.</summary>
    public IReadOnlyList<Problem> Prepare(string plugin)
    {
        if (_templates.ContainsKey(plugin))
            return [];
        lock (_compileLock)
            return Compile(plugin);
    }

    private IReadOnlyList<Problem> Compile(string plugin)
    {
        if (_templates.ContainsKey(plugin))
            return [];
        var file = Path.Combine(_folder, plugin + ".hbs");
        if (!File.Exists(file))
            return [Problem.Error("TEMPLATE002", $"there is no report template for {plugin} ({file})", new SourceLocation { File = file })];
        var text = File.ReadAllText(file);
        try
        {
            _templates[plugin] = _handlebars.Compile(text);
            return [];
        }
        catch (HandlebarsException ex)
        {
            return [TemplateProblems.From(file, text, ex)];
        }
    }

    /// <summary>Renders a report; throws <see cref="ReportTemplateException"/> when the template fails on the model.</summary>
    public string Render(string plugin, ReportModel model)
    {
        if (Prepare(plugin) is { Count: > 0 } problems)
            throw new ReportTemplateException(problems[0].Message);
        try
        {
            return _templates[plugin](model);
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new ReportTemplateException($"the report template of {plugin} failed: {ex.Message}");
        }
    }
}
