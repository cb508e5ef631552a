using PluginHost.Engine.Plugins;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Web.Pages;

namespace PluginHost.Web.Uploads;

/// <summary>
/// What an upload would do, before anything is posted: the plugin, the lines read, each error at its row and column,
/// the warnings, the entries that would be posted (the dry-run report), the error workbook, and the post form.
/// While the validation runs, a progress line the script keeps current.
/// </summary>
public static class PreviewPage
{
    /// <summary>The page.</summary>
    public static Markup Render(PageContext page, Upload upload, PluginCatalog catalog)
    {
        var validation = upload.Validation!;
        if (validation.Outcome is not { } outcome)
            return Running(page, upload, validation);
        var t = page.T;
        // A rule file that cannot be used is told in one message (RULE041); its details are for the Rules page.
        var brokenRules = outcome.Errors.FirstOrDefault(p => p.Code == "RULE041")?.Where.File;
        var errors = outcome.Errors.Where(p => brokenRules is null || p.Code == "RULE041" || p.Where.File != brokenRules).OrderBy(p => p.Where.Row ?? int.MaxValue).ThenBy(p => p.Where.Cell?.Length).ThenBy(p => p.Where.Cell, StringComparer.Ordinal).ToList();
        var warnings = outcome.Warnings.ToList();
        var refusedRows = errors.Select(e => e.Where.Row).Where(r => r is not null).Distinct().Count();
        var banner = outcome.Status switch
        {
            PostingStatus.Validated => Html.Of($"<p class=\"notice ok\" id=\"status\">{t.Format("Preview.Validated", t.Counted("Lines", outcome.Lines))}</p>"),
            PostingStatus.Rejected => Html.Of($"<p class=\"notice error\" id=\"status\">{t.Format("Preview.Rejected", t.Counted("Errors", errors.Count), t.Counted("Rows", refusedRows))}</p>"),
            PostingStatus.Duplicate => Html.Of($"<p class=\"notice error\" id=\"status\">{t.Format("Preview.Duplicate", outcome.Batch ?? 0)} <a href=\"/batches/{outcome.Batch}\">{t.Format("Preview.OpenBatch", outcome.Batch ?? 0)}</a></p>"),
            _ => Html.Of($"<p class=\"notice error\" id=\"status\">{t["Preview.Failed"]}</p>"),
        };
        var chosen = validation.Plugin is null ? t["Preview.Detected"] : t["Preview.Chosen"];
        // A value written the local way (CELL002) reads once the culture is chosen: the page says where, not a command-line option.
        var needsCulture = errors.Any(e => e.Code == "CELL002");
        return Html.Of($"""
            {banner}
            <dl class="facts">
              <dt>{t["Preview.File"]}</dt><dd>{upload.FileName}</dd>
              <dt>{t["Preview.Plugin"]}</dt><dd>{outcome.Plugin ?? "—"} <span class="hint">({chosen})</span></dd>
              <dt>{t["Preview.Lines"]}</dt><dd id="lines">{page.T.Count(outcome.Lines)}</dd>
            </dl>
            {Html.When(errors.Count > 0, () => ProblemTable(page, "errors", t["Preview.Errors"], errors))}
            {Html.When(needsCulture, () => Html.Of($"<p class=\"notice\" id=\"culture-hint\">{t["Preview.CultureHint"]}</p>"))}
            {Html.When(outcome.ErrorWorkbookPath is not null, () => Html.Of($"<p><a class=\"button\" id=\"error-workbook\" href=\"/uploads/{upload.Id}/errors.xlsx\" download>{t["Preview.ErrorWorkbook"]}</a> <span class=\"hint\">{t["Preview.ErrorWorkbookHint"]}</span></p>"))}
            {Html.When(warnings.Count > 0, () => ProblemTable(page, "warnings", t["Preview.Warnings"], warnings))}
            {Html.When(outcome.Status == PostingStatus.Validated, () => Entries(page, outcome))}
            {Html.When(outcome.Status == PostingStatus.Validated, () => PostForm(page, upload, outcome))}
            {Html.When(outcome.Status == PostingStatus.Validated && outcome.ReportPath is not null, () => DryRunReport(page, upload))}
            <details{Html.When(outcome.Status == PostingStatus.Failed || needsCulture, () => Html.Of($" open"))}>
              <summary>{t["Preview.CheckAgain"]}</summary>
              <form method="post" action="/uploads/{upload.Id}/validate">
                {page.Antiforgery}
                {UploadPage.Choices(page, catalog, validation.Plugin, validation.Language, validation.Culture)}
                <p><button type="submit">{t["Preview.CheckAgainButton"]}</button></p>
              </form>
            </details>
            <form method="post" action="/uploads/{upload.Id}/discard" class="inline">
              {page.Antiforgery}<button type="submit" class="link">{t["Preview.Discard"]}</button>
            </form> · <a href="/">{t["Upload.Again"]}</a>
            """);
    }

    private static Markup Running(PageContext page, Upload upload, Validation validation) => Html.Of($"""
        <dl class="facts"><dt>{page.T["Preview.File"]}</dt><dd>{upload.FileName}</dd></dl>
        <section id="progress" class="progress" data-status="/uploads/{upload.Id}/status" data-rows-text="{page.T["Preview.RowsRead"]}">
          <progress></progress>
          <p role="status"><span id="progress-text">{page.T.Format("Preview.RowsRead", page.T.Count(validation.RowsRead))}</span></p>
          <p class="hint">{page.T["Preview.RunningHint"]}</p>
          <noscript><p><a href="/uploads/{upload.Id}">{page.T["Preview.Refresh"]}</a></p></noscript>
        </section>
        """);

    private static Markup ProblemTable(PageContext page, string id, string title, IReadOnlyList<Problem> problems)
    {
        var t = page.T;
        var rows = Html.Join(problems, p => Html.Of($"""
            <tr><td class="num">{p.Where.Row?.ToString(page.T.Culture) ?? ""}</td><td>{p.Where.Column ?? string.Join(", ", p.Where.Fields)}</td><td>{(p.Where.Cell is null ? "" : $"{p.Where.Sheet}!{p.Where.Cell}")}</td><td>{p.Where.Rule ?? p.Code}</td><td>{p.Message}</td></tr>
            """));
        return Html.Of($"""
            <h2>{title} ({page.T.Count(problems.Count)})</h2>
            <table id="{id}">
              <thead><tr><th>{t["Preview.Row"]}</th><th>{t["Preview.Column"]}</th><th>{t["Preview.Cell"]}</th><th>{t["Preview.Rule"]}</th><th>{t["Preview.Message"]}</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
    }

    private static Markup Entries(PageContext page, PostingOutcome outcome)
    {
        var t = page.T;
        var counts = Html.Join(outcome.Entries.Where(e => e.Value > 0), e => Html.Of($"<tr><td>{t["Ledger." + e.Key]}</td><td class=\"num\">{page.T.Count(e.Value)}</td></tr>"));
        return Html.Of($"""
            <h2>{t["Preview.WouldPost"]}</h2>
            <table id="would-post" class="narrow"><thead><tr><th>{t["Preview.Ledger"]}</th><th>{t["Preview.Entries"]}</th></tr></thead><tbody>{counts}</tbody></table>
            """);
    }

    /// <summary>The dry-run report: every entry that would be posted, as the report after posting will show it.</summary>
    private static Markup DryRunReport(PageContext page, Upload upload) => Html.Of($"""
        <p><a href="/uploads/{upload.Id}/report" target="_blank" rel="noopener">{page.T["Preview.OpenDryRun"]}</a></p>
        <iframe class="report" src="/uploads/{upload.Id}/report" sandbox="" title="{page.T["Preview.WouldPost"]}"></iframe>
        """);

    private static Markup PostForm(PageContext page, Upload upload, PostingOutcome outcome)
    {
        var t = page.T;
        if (!page.IsPoster)
            return Html.Of($"<p class=\"notice\" id=\"viewer-note\">{t["Preview.ViewerCannotPost"]}</p>");
        return Html.Of($"""
            <form method="post" action="/uploads/{upload.Id}/post" id="post-form" class="post">
              {page.Antiforgery}
              <p><label><input type="checkbox" name="confirm" value="yes" required id="confirm"> {t.Format("Preview.Confirm", t.Counted("Lines", outcome.Lines), outcome.Plugin ?? "")}</label></p>
              <p><button type="submit" class="primary" id="post-button">{t["Preview.Post"]}</button></p>
            </form>
            """);
    }
}
