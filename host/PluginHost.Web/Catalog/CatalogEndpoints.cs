using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Workbooks;
using PluginHost.Web.Hosting;
using PluginHost.Web.Pages;
using PluginHost.Web.Languages;

namespace PluginHost.Web.Catalog;

/// <summary>Template workbooks per plugin and language, and the rule sets in force with any load errors.</summary>
public static class CatalogEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/templates", (HttpContext http, RuntimeProvider runtimes) =>
        {
            var page = new PageContext(http);
            var t = page.T;
            var rows = Html.Join(runtimes.Current.Plugins.Plugins, p => Html.Of($"""
                <tr><td><strong>{p.Name}</strong><br><span class="hint">{p.Instance.Description}</span></td>{Html.Join(PageLanguage.All, l => Html.Of($"<td><a href=\"/templates/{p.Name}/{l.Code}\" download>{l.Name}</a></td>"))}</tr>
                """));
            return Layout.Page(page, t["Templates.Title"], Html.Of($"""
                <p>{t["Templates.Intro"]}</p>
                <table id="templates"><thead><tr><th>{t["Templates.Plugin"]}</th><th colspan="3">{t["Templates.Download"]}</th></tr></thead><tbody>{rows}</tbody></table>
                """));
        });

        app.MapGet("/templates/{plugin}/{lang}", (string plugin, string lang, HttpContext http, RuntimeProvider runtimes) =>
        {
            var page = new PageContext(http);
            if (runtimes.Current.Plugins.Find(plugin) is not { } found || !JournalTemplate.Languages.Contains(lang))
                return Layout.Message(page, page.T["Templates.Title"], page.T["Templates.Unknown"], StatusCodes.Status404NotFound, "/templates", page.T["Nav.Templates"]);
            var folder = Directory.CreateTempSubdirectory("pluginhost-template-");
            try
            {
                var path = Path.Combine(folder.FullName, $"{found.Name}-template.{lang}.xlsx");
                JournalTemplate.Write(path, found.Instance.Schema, lang);
                return Results.File(File.ReadAllBytes(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Path.GetFileName(path));
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        });

        app.MapGet("/rules", (HttpContext http, RuntimeProvider runtimes) =>
        {
            var page = new PageContext(http);
            var t = page.T;
            var runtime = runtimes.Current;
            var files = Html.Join(runtime.Plugins.Plugins, plugin =>
            {
                var (workflow, problems) = runtime.RulesFor(plugin);
                var ok = workflow is not null && !problems.HasErrors();
                var state = ok ? (problems.Count > 0 ? t["Rules.KeptPrevious"] : t["Rules.InForce"]) : t["Rules.Broken"];
                return Html.Of($"""
                    <tr class="{(ok ? (problems.Count > 0 ? "warn" : "ok") : "bad")}"><td>{plugin.Name}</td><td>{runtime.RuleSets.FileOf(plugin)}</td><td>{workflow?.Name ?? "—"}</td><td class="num">{workflow?.Rules.Count() ?? 0}</td><td><code>{workflow?.File.Sha256[..12] ?? "—"}</code></td><td>{state}</td></tr>
                    {Html.When(problems.Count > 0, () => Html.Of($"<tr><td></td><td colspan=\"5\">{Problems(problems)}</td></tr>"))}
                    """);
            });
            var failures = runtime.Plugins.Failures.Concat(runtimes.PluginProblems).ToList();
            var templates = runtimes.TemplateProblems.Concat(runtime.Reports.Problems).Distinct().ToList();
            return Layout.Page(page, t["Rules.Title"], Html.Of($"""
                <p>{t["Rules.Intro"]}</p>
                <table id="rules"><thead><tr><th>{t["Rules.Plugin"]}</th><th>{t["Rules.File"]}</th><th>{t["Rules.Workflow"]}</th><th>{t["Rules.Count"]}</th><th>SHA-256</th><th>{t["Rules.State"]}</th></tr></thead><tbody>{files}</tbody></table>
                {Html.When(failures.Count > 0, () => Html.Of($"<h2>{t["Rules.PluginFailures"]}</h2>{Problems(failures)}"))}
                <h2>{t["Rules.Templates"]}</h2>
                <p id="template-state">{(templates.Count == 0 ? t["Rules.TemplatesOk"] : t["Rules.TemplatesProblems"])} <code>{runtime.Folders.Templates}</code></p>
                {Html.When(templates.Count > 0, () => Problems(templates))}
                """));
        });
    }

    private static Markup Problems(IEnumerable<Problem> problems) =>
        Html.Of($"<ul class=\"problems\">{Html.Join(problems, p => Html.Of($"<li class=\"{(p.IsError ? "error" : "warning")}\"><code>{p.Where}</code> {p.Code}: {p.Message}</li>"))}</ul>");
}
