using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// The functions a report template can call: Scriban's <c>string</c>, <c>array</c>, <c>math</c> and <c>object</c>
/// (without <c>object.eval</c>, which would run text as a template), <c>include</c> for partials, and the host's
/// <c>cell</c> and <c>image</c>. Left out: <c>date</c> (a report shows the batch's time, never the clock's), <c>html</c>
/// (every value is escaped already; escaping again would show <c>&amp;amp;</c>), <c>regex</c> and <c>timespan</c>.
/// </summary>
internal static class TemplateFunctions
{
    /// <summary>Scriban's groups of functions kept, and the members taken out of them.</summary>
    private static readonly (string Name, string[] Without)[] Kept =
    [
        ("array", []), ("empty", []), ("blank", []), ("include", []), ("string", []),
        ("math", ["random", "uuid"]), // a report rendered again must read the same
        ("object", ["eval", "eval_template", "from_json", "to_json"]),
    ];

    /// <summary>Scriban's functions left out, and why, for the template that names one.</summary>
    public static readonly IReadOnlyDictionary<string, string> LeftOut = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "a report shows the batch's own time (Batch.CreatedAt, already in the report's language), never the clock's",
        ["html"] = "every value is HTML-escaped already, so html.escape would show &amp;amp; where & was",
        ["regex"] = "a pattern can take a render without end; string.contains, string.starts_with and string.replace do the same for text",
        ["timespan"] = "the report model holds no durations",
        ["include_join"] = "include the partials one by one",
    };

    /// <summary>The names of the host's own functions.</summary>
    public static readonly string[] HostFunctions = ["cell", "image"];

    /// <summary>The built-in object of every render, with <paramref name="images"/> for <c>image</c>.</summary>
    public static ScriptObject Create(TemplateImages images)
    {
        var defaults = TemplateContext.GetDefaultBuiltinObject();
        var builtins = new ScriptObject();
        foreach (var (name, without) in Kept)
        {
            var value = defaults[name];
            if (value is ScriptObject group)
            {
                // A clone of the group, read only: it is shared by every render of the set, so no render may add to it.
                group = (ScriptObject)group.Clone(true);
                foreach (var member in without)
                    group.Remove(member);
                group.IsReadOnly = true;
                value = group;
            }
            builtins.SetValue(name, name == "include" ? new IncludedPartial((IScriptCustomFunction)value!) : value, readOnly: true);
        }
        builtins.Import("cell", new Func<object?, string>(Cell));
        builtins.Import("image", new Func<TemplateContext, string, string, object>((context, file, alt) => images.Tag(context, file, alt)));
        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>
    /// A value fit for a Markdown table cell: backslashes and pipes escaped, line breaks as spaces, and &amp; &lt; &gt; as
    /// entities (ticket systems render HTML written in Markdown; the entities show as the characters typed).
    /// </summary>
    public static string Cell(object? value) =>
        (value?.ToString() ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}

/// <summary>
/// Markup the host wrote itself, written into an HTML report as it is: the only way past the escaping of values, and
/// made only by the host's own functions (<c>image</c>), never from a value of the model or a template's text.
/// </summary>
internal sealed record HostMarkup(string Html)
{
    public override string ToString() => Html;
}

/// <summary>
/// The pictures of a templates folder (a logo), read when the templates load so a render touches no file, and written
/// as an <c>&lt;img&gt;</c> with the picture inside (a report is one file, opened anywhere, with nothing to fetch).
/// </summary>
internal sealed class TemplateImages(IReadOnlyDictionary<string, (string Mime, byte[] Bytes)> images, IReadOnlySet<string> tooLarge)
{
    /// <summary>Whether a picture of that name is in the folder but too large to be put in reports.</summary>
    public bool IsTooLarge(string name) => tooLarge.Contains(name);

    /// <summary>The extensions of pictures and their media types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".svg"] = "image/svg+xml", [".webp"] = "image/webp",
    };

    /// <summary>A picture larger than this is refused when the templates load: a report is mailed and printed.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>The pictures' names, relative to the templates folder with / between folders.</summary>
    public IEnumerable<string> Names => images.Keys;

    /// <summary>Whether a picture of that name was loaded.</summary>
    public bool Has(string name) => images.ContainsKey(name);

    /// <summary>The <c>&lt;img&gt;</c> of a picture, its alternative text escaped. Pictures in an &lt;img&gt; run no script, SVG included.</summary>
    public HostMarkup Tag(TemplateContext context, string file, string alt)
    {
        if (!images.TryGetValue(file ?? "", out var image))
            throw new ScriptRuntimeException(context.CurrentSpan, $"there is no picture '{file}' in the templates folder{Known()}");
        return new HostMarkup($"<img src=\"data:{image.Mime};base64,{Convert.ToBase64String(image.Bytes)}\" alt=\"{HtmlText.Encode(alt ?? "")}\">");
    }

    private string Known() => images.Count == 0 ? "" : $"; pictures: {string.Join(", ", images.Keys.Order(StringComparer.Ordinal))}";
}
