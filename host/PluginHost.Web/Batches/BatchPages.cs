using System.Globalization;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Reports;
using PluginHost.Web.Pages;
using PluginHost.Web.Languages;

namespace PluginHost.Web.Batches;

/// <summary>The batches list with its filter, and one batch: its facts, exports and report.</summary>
public static class BatchPages
{
    /// <summary>The list.</summary>
    public static Markup List(PageContext page, IReadOnlyList<BatchRecord> batches, IReadOnlyList<string> plugins, BatchFilter filter)
    {
        var t = page.T;
        var options = Html.Join(plugins, p => Html.Of($"<option value=\"{p}\"{(p == filter.Plugin ? Html.Of($" selected") : Markup.Empty)}>{p}</option>"));
        var rows = Html.Join(batches, b => Html.Of($"""
            <tr><td class="num"><a href="/batches/{b.Id}">{b.Id}</a></td><td><span class="status {b.Status}">{StatusText(page, b.Status)}</span></td><td>{b.Plugin}</td><td>{b.FileName}</td><td>{b.Sheet}</td><td class="num">{t.Count(b.LineCount)}</td><td>{b.User}</td><td>{ReportFormat.Time(b.CreatedAt)}</td></tr>
            """));
        var table = batches.Count == 0 ? Html.Of($"<p id=\"no-batches\">{t["Batches.None"]}</p>") : Html.Of($"""
            <table id="batches">
              <thead><tr><th>{t["Batches.Batch"]}</th><th>{t["Batches.Status"]}</th><th>{t["Batches.Plugin"]}</th><th>{t["Batches.File"]}</th><th>{t["Batches.Sheet"]}</th><th>{t["Batches.Lines"]}</th><th>{t["Batches.User"]}</th><th>{t["Batches.Time"]}</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
        return Html.Of($"""
            <form method="get" action="/batches" class="filter">
              <label>{t["Batches.Plugin"]} <select name="plugin"><option value="">{t["Batches.AllPlugins"]}</option>{options}</select></label>
              <label>{t["Batches.From"]} <input type="date" name="from" value="{filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></label>
              <label>{t["Batches.To"]} <input type="date" name="to" value="{filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></label>
              <button type="submit">{t["Batches.Filter"]}</button> <a href="/batches">{t["Batches.Clear"]}</a>
            </form>
            {table}
            """);
    }

    /// <summary>One batch: facts, exports, the report in its language, and the report itself.</summary>
    public static Markup Batch(PageContext page, BatchRecord batch, IReadOnlyDictionary<string, int> counts, string? reportLanguage, bool justPosted)
    {
        var t = page.T;
        var lang = reportLanguage is null ? "" : $"?lang={reportLanguage}";
        var languages = Html.Join(PageLanguage.All, l => l.Code == reportLanguage
            ? Html.Of($"<strong>{l.Name}</strong>")
            : Html.Of($"<a href=\"/batches/{batch.Id}?lang={l.Code}\">{l.Name}</a>"));
        var exports = Html.Join(counts.Where(c => c.Value > 0), c => Html.Of($"<li><a href=\"/batches/{batch.Id}/entries.csv?ledger={c.Key}\" download>{t.Format("Batch.Csv", t["Ledger." + c.Key], t.Count(c.Value))}</a></li>"));
        return Html.Of($"""
            {Html.When(justPosted, () => Html.Of($"<p class=\"notice ok\" id=\"posted\">{t.Format("Batch.Posted", batch.Id, t.Counted("Lines", batch.LineCount))}</p>"))}
            <dl class="facts">
              <dt>{t["Batches.Status"]}</dt><dd><span class="status {batch.Status}">{StatusText(page, batch.Status)}</span></dd>
              <dt>{t["Batches.Plugin"]}</dt><dd>{batch.Plugin}</dd>
              <dt>{t["Batches.File"]}</dt><dd>{batch.FileName} ({batch.Sheet})</dd>
              <dt>{t["Batches.User"]}</dt><dd>{batch.User}, {ReportFormat.Time(batch.CreatedAt)}</dd>
            </dl>
            <p>{t["Batch.ReportLanguage"]}: <span class="choices">{languages}</span> · <a href="/batches/{batch.Id}/report{lang}{(lang.Length == 0 ? "?" : "&")}download=1">{t["Batch.DownloadReport"]}</a></p>
            {Html.When(counts.Values.Any(v => v > 0), () => Html.Of($"<p>{t["Batch.Exports"]}</p><ul class=\"exports\">{exports}</ul>"))}
            <iframe class="report" id="report" src="/batches/{batch.Id}/report{lang}" sandbox="" title="{t.Format("Batch.Title", batch.Id)}"></iframe>
            """);
    }

    private static string StatusText(PageContext page, string status) => page.T.Labels.TryGetValue("Status." + status, out var text) ? text : status;
}
