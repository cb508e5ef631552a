using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports.Templates;
using Scriban.Syntax;

namespace PluginHost.Engine.Reports;

/// <summary>
/// Renders batch reports with Scriban from the templates folder: <c>PLUGIN.sbn-html</c> per plugin, <c>report.md.sbn</c>
/// for Markdown, partials in <c>partials/</c> (templates/README.md). Every template is parsed and checked against the
/// report model when the folder loads; a render writes the whole report or fails with a TEMPLATE problem, never half.
/// </summary>
public sealed class ReportRenderer
{
    private readonly TemplateSet _set;
    private readonly TemplateLimits _limits;

    private ReportRenderer(TemplateSet set, TemplateLimits limits)
    {
        _set = set;
        _limits = limits;
    }

    /// <summary>The templates folder.</summary>
    public string Folder => _set.Folder;

    /// <summary>Loads and checks every template of a folder; the renderer is null when any has an error.</summary>
    public static (ReportRenderer? Renderer, IReadOnlyList<Problem> Problems) Load(string folder, TemplateLimits? limits = null)
    {
        var (set, problems) = TemplateSet.Load(folder);
        return (set is null ? null : new ReportRenderer(set, limits ?? TemplateLimits.Default), problems);
    }

    /// <summary>Whether a plugin has its HTML report template: nothing to post with otherwise.</summary>
    public IReadOnlyList<Problem> Prepare(string plugin) => _set.HtmlReport(plugin) is not null ? []
        : [Problem.Error("TEMPLATE002", $"there is no report template for {plugin} ({Path.Combine(Folder, TemplateNames.HtmlReport(plugin))}); the folder has {Existing()}", new SourceLocation { File = Path.Combine(Folder, TemplateNames.HtmlReport(plugin)) })];

    private string Existing() => _set.Reports.Count == 0 ? "no report templates" : string.Join(", ", _set.Reports.Values.Select(r => r.Name).Order(StringComparer.Ordinal));

    /// <summary>The HTML report of a plugin; throws <see cref="ReportTemplateException"/> when the template fails on the model.</summary>
    public string Render(string plugin, ReportModel model)
    {
        if (Prepare(plugin) is [var missing, ..])
            throw new ReportTemplateException(missing);
        return Render(_set.HtmlReport(plugin)!, model, html: true);
    }

    /// <summary>The Markdown report, for pasting into a ticket; throws <see cref="ReportTemplateException"/> when it fails.</summary>
    public string RenderMarkdown(ReportModel model)
    {
        var file = Path.Combine(Folder, TemplateNames.Markdown);
        var template = _set.MarkdownReport ?? throw new ReportTemplateException(Problem.Error("TEMPLATE002", $"there is no Markdown report template ({file})", new SourceLocation { File = file }));
        return Render(template, model, html: false);
    }

    /// <summary>The report templates of the folder by file: each plugin's (by plugin name) and the Markdown one.</summary>
    public IReadOnlyList<(string Name, string File)> Templates =>
        [.. _set.Reports.Select(r => (r.Key, r.Value.Path)).OrderBy(r => r.Path, StringComparer.Ordinal)];

    /// <summary>
    /// Renders every report template with a sample batch of one row per table in each language, so what only a render
    /// finds is found now; the problems of the first failing language per template.
    /// </summary>
    public IReadOnlyList<Problem> TryEveryTemplate()
    {
        var problems = new List<Problem>();
        foreach (var template in _set.Reports.Values.OrderBy(t => t.Path, StringComparer.Ordinal))
        {
            foreach (var language in Languages.ReportLanguage.Codes)
            {
                try
                {
                    Render(template, SampleModel.In(language), template.Html);
                }
                catch (ReportTemplateException ex)
                {
                    problems.Add(ex.Problem with { Message = $"{ex.Problem.Message} (rendering a sample batch in {language})" });
                    break;
                }
            }
        }
        return problems;
    }

    /// <summary>A render; <paramref name="html"/> (escaping) follows what the report is, never the file's name.</summary>
    private string Render(ParsedTemplate template, ReportModel model, bool html)
    {
        using var time = new CancellationTokenSource(_limits.Time);
        var context = new ReportTemplateContext(_set, html, model, _limits, time.Token);
        try
        {
            return template.Template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new ReportTemplateException(TemplateErrors.FromRender(ex, template.Path, _limits, model));
        }
    }
}
