using PluginHost.Engine.Plugins;
using PluginHost.Web.Pages;
using PluginHost.Web.Languages;

namespace PluginHost.Web.Uploads;

/// <summary>The start page: pick or drop a workbook, choose the plugin (or let it be detected), the language and culture.</summary>
public static class UploadPage
{
    /// <summary>The cultures offered for dates and numbers written as text.</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["sv-SE", "nb-NO", "en-US", "en-GB", "da-DK", "fi-FI", "de-DE"];

    /// <summary>The page.</summary>
    public static Markup Render(PageContext page, PluginCatalog catalog, long maxBytes)
    {
        var t = page.T;
        return Html.Of($"""
            <p>{t["Upload.Intro"]}</p>
            <form method="post" action="/uploads" enctype="multipart/form-data" id="upload-form" data-max-bytes="{maxBytes}">
              {page.Antiforgery}
              <div class="drop" id="drop-zone">
                <p><strong>{t["Upload.Drop"]}</strong></p>
                <p><label for="file">{t["Upload.Pick"]}</label> <input type="file" id="file" name="file" accept=".xlsx,.xls,.csv" required></p>
                <p class="hint">{t.Format("Upload.Limits", Forms.Megabytes(page, maxBytes))}</p>
                <p id="chosen" class="chosen"></p>
              </div>
              <p id="size-error" class="notice error" hidden data-text="{t.Format("Upload.TooLarge", Forms.Megabytes(page, maxBytes))}"></p>
              {Choices(page, catalog, plugin: null, language: t.Code, culture: DefaultCulture(t.Code))}
              <p><button type="submit" class="primary">{t["Upload.Submit"]}</button></p>
            </form>
            """);
    }

    /// <summary>The plugin, language and culture fields, shared with the preview's "check again".</summary>
    public static Markup Choices(PageContext page, PluginCatalog catalog, string? plugin, string language, string culture)
    {
        var t = page.T;
        var plugins = Html.Join(catalog.Plugins, p => Html.Of($"<option value=\"{p.Name}\"{Selected(p.Name == plugin)}>{p.Name}: {p.Instance.Description}</option>"));
        var languages = Html.Join(PageLanguage.All, l => Html.Of($"<option value=\"{l.Code}\"{Selected(l.Code == language)}>{l.Name}</option>"));
        var cultures = Html.Join(Cultures, c => Html.Of($"<option value=\"{c}\"{Selected(c == culture)}>{c}</option>"));
        return Html.Of($"""
            <div class="fields">
              <label>{t["Upload.Plugin"]}
                <select name="plugin"><option value="">{t["Upload.Detect"]}</option>{plugins}</select></label>
              <label>{t["Upload.Language"]}
                <select name="lang">{languages}</select></label>
              <label>{t["Upload.Culture"]}
                <select name="culture"><option value="">{t["Upload.NoCulture"]}</option>{cultures}</select></label>
            </div>
            """);
    }

    /// <summary>Swedish and Norwegian users write 1 234,5 and 2.11.2026 as text; English keeps the command line's default (ISO only).</summary>
    private static string DefaultCulture(string language) => language switch
    {
        "sv" => "sv-SE",
        "nb" => "nb-NO",
        _ => "",
    };

    private static Markup Selected(bool selected) => selected ? Html.Of($" selected") : Markup.Empty;
}
