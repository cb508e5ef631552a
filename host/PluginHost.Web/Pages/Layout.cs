using Microsoft.AspNetCore.Http;
using PluginHost.Web.Languages;

namespace PluginHost.Web.Pages;

/// <summary>The frame of every page: title, navigation, language switch, the user and sign-out.</summary>
public static class Layout
{
    /// <summary>A whole page as a response.</summary>
    public static IResult Page(PageContext page, string title, Markup body, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var nav = Html.When(page.User.Length > 0, () => Html.Of($"""
            <nav>
              <a href="/">{t["Nav.Upload"]}</a>
              <a href="/batches">{t["Nav.Batches"]}</a>
              <a href="/templates">{t["Nav.Templates"]}</a>
              <a href="/rules">{t["Nav.Rules"]}</a>
              <span class="spacer"></span>
              <span class="who">{page.User} ({t["Role." + page.Role]})</span>
              <form method="post" action="/signout" class="inline">{page.Antiforgery}<button type="submit" class="link">{t["Nav.SignOut"]}</button></form>
            </nav>
            """));
        var languages = Html.Join(PageLanguage.All, l => l.Code == t.Code
            ? Html.Of($"<strong lang=\"{l.Code}\">{l.Name}</strong>")
            : Html.Of($"<a lang=\"{l.Code}\" href=\"/language/{l.Code}?back={Uri.EscapeDataString(page.Http.Request.Path + page.Http.Request.QueryString)}\">{l.Name}</a>"));
        var html = Html.Of($"""
            <!DOCTYPE html>
            <html lang="{t.Code}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · PluginHost</title>
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <header><span class="brand">PluginHost</span>{nav}<span class="languages">{languages}</span></header>
            <main>
            <h1>{title}</h1>
            {body}
            </main>
            </body>
            </html>
            """);
        return Results.Content(html.Value, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A short page that says one thing (a refusal, a missing upload).</summary>
    public static IResult Message(PageContext page, string title, string message, int status, string? backHref = null, string? backLabel = null) =>
        Page(page, title, Html.Of($"""<p class="notice error">{message}</p>{Html.When(backHref is not null, () => Html.Of($"<p><a href=\"{backHref}\">{backLabel}</a></p>"))}"""), status);
}
