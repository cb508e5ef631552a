namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// How report templates are named in the templates folder, with Scriban's file extensions: <c>PLUGIN.sbn-html</c> is a
/// plugin's HTML report, <c>report.md.sbn</c> the Markdown report of every plugin, and <c>partials/NAME.sbn-html</c>
/// a piece included as <c>include "NAME"</c>.
/// </summary>
public static class TemplateNames
{
    /// <summary>The extension of HTML templates, whose values are HTML-escaped.</summary>
    public const string Html = ".sbn-html";

    /// <summary>The extension of text templates (Markdown), whose values are written as they are.</summary>
    public const string Text = ".sbn";

    /// <summary>The Markdown report's file.</summary>
    public const string Markdown = "report.md" + Text;

    /// <summary>The folder of partials, inside the templates folder.</summary>
    public const string PartialsFolder = "partials";

    /// <summary>The HTML report template of a plugin.</summary>
    public static string HtmlReport(string plugin) => plugin + Html;

    /// <summary>Whether a file is a template, and so is read, checked and watched.</summary>
    public static bool IsTemplate(string path) => path.EndsWith(Html, StringComparison.OrdinalIgnoreCase) || path.EndsWith(Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a report is made from the file: a template, the labels file or a picture (watched by <c>serve</c>).</summary>
    public static bool IsReportFile(string path) =>
        IsTemplate(path) || Path.GetFileName(path) == TemplateLabels.FileName || TemplateImages.Types.ContainsKey(Path.GetExtension(path));

    /// <summary>A name a template can write after <c>L.</c> or as a variable: a letter or _, then letters, digits and _.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
