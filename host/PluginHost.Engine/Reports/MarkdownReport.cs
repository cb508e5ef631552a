using HandlebarsDotNet;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Reports;

/// <summary>
/// The report as Markdown, for pasting into a ticket: one shared template, <c>templates/report.md.hbs</c>, for every
/// plugin. Markdown is not HTML, so values are not HTML-escaped; the <c>cell</c> helper keeps a value inside its table
/// cell instead (a | or a line break in a workbook value would otherwise break the table).
/// </summary>
public sealed class MarkdownReport
{
    /// <summary>The template's file name in the templates folder.</summary>
    public const string TemplateFile = "report.md.hbs";

    private readonly HandlebarsTemplate<object, object> _template;

    private MarkdownReport(HandlebarsTemplate<object, object> template) => _template = template;

    /// <summary>Compiles the Markdown template of a templates folder, or says why it cannot.</summary>
    public static (MarkdownReport? Report, IReadOnlyList<Problem> Problems) Load(string folder)
    {
        var file = Path.Combine(folder, TemplateFile);
        if (!File.Exists(file))
            return (null, [Problem.Error("TEMPLATE002", $"there is no Markdown report template ({file})", new SourceLocation { File = file })]);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true, NoEscape = true });
        handlebars.RegisterHelper("cell", (context, arguments) => Cell(arguments.Length > 0 ? arguments[0] : null));
        var text = File.ReadAllText(file);
        try
        {
            return (new MarkdownReport(handlebars.Compile(text)), []);
        }
        catch (HandlebarsException ex)
        {
            return (null, [TemplateProblems.From(file, text, ex)]);
        }
    }

    /// <summary>Renders a report model; throws <see cref="ReportTemplateException"/> when the template fails on it.</summary>
    public string Render(ReportModel model)
    {
        try
        {
            return _template(model);
        }
        catch (Exception ex) when (ex is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new ReportTemplateException($"the Markdown report template failed: {ex.Message}");
        }
    }

    /// <summary>A value fit for a Markdown table cell: pipes escaped, line breaks as spaces.</summary>
    public static string Cell(object? value) =>
        (value?.ToString() ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
