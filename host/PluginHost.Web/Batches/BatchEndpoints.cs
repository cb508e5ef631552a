using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Reports.Languages;
using PluginHost.Web.Hosting;
using PluginHost.Web.Pages;

namespace PluginHost.Web.Batches;

/// <summary>The batches list, a batch's report (as <c>pluginhost report</c> renders it) and its entries as CSV.</summary>
public static class BatchEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/batches", (HttpContext http, RuntimeProvider runtimes, string? plugin, string? from, string? to) =>
        {
            var page = new PageContext(http);
            var runtime = runtimes.Current;
            var batches = WithStore(runtime.Folders.Database, store => store.Batches()) ?? [];
            var filter = new BatchFilter(Blank(plugin), Day(from), Day(to));
            var plugins = runtime.Plugins.Plugins.Select(p => p.Name).Union(batches.Select(b => b.Plugin)).Order(StringComparer.Ordinal).ToList();
            return Layout.Page(page, page.T["Batches.Title"], BatchPages.List(page, filter.Apply(batches), plugins, filter));
        });

        app.MapGet("/batches/{number:long}", (long number, HttpContext http, RuntimeProvider runtimes, string? lang, int? posted) =>
        {
            var page = new PageContext(http);
            var record = WithStore(runtimes.Current.Folders.Database, store => store.Batch(number));
            if (record is null)
                return Layout.Message(page, page.T["Batch.Missing"], page.T.Format("Batch.MissingText", number), StatusCodes.Status404NotFound, "/batches", page.T["Nav.Batches"]);
            var counts = WithStore(runtimes.Current.Folders.Database, store => store.Counts(number).Ledgers())!;
            return Layout.Page(page, page.T.Format("Batch.Title", number), BatchPages.Batch(page, record, counts, lang is null ? null : ReportLanguage.From(lang, null).Language?.Code, posted == 1));
        });

        app.MapGet("/batches/{number:long}/report", (long number, HttpContext http, RuntimeProvider runtimes, string? lang, int? download) =>
        {
            var page = new PageContext(http);
            var runtime = runtimes.Current;
            Problem? failed = null;
            var html = WithStore(runtime.Folders.Database, store =>
            {
                if (store.Batch(number) is not { } record)
                    return null;
                var (renderer, problems) = runtime.Reports;
                if (renderer is null || problems.Concat(renderer.Prepare(record.Plugin)).Any(p => p.IsError))
                    return "";
                var asked = lang is null ? null : ReportLanguage.From(lang, null).Language;
                try
                {
                    return renderer.Render(record.Plugin, RecordedReport.Model(store, record, asked));
                }
                catch (ReportTemplateException ex)
                {
                    failed = ex.Problem;
                    return "";
                }
            });
            return html switch
            {
                "" when failed is not null => Layout.Message(page, page.T["Batch.NoReport"], page.T.Format("Batch.ReportFailed", $"{failed.Where}: {failed.Code}: {failed.Message}"), StatusCodes.Status500InternalServerError, "/rules", page.T["Nav.Rules"]),
                null => Layout.Message(page, page.T["Batch.Missing"], page.T.Format("Batch.MissingText", number), StatusCodes.Status404NotFound, "/batches", page.T["Nav.Batches"]),
                "" => Layout.Message(page, page.T["Batch.NoReport"], page.T["Batch.NoReportText"], StatusCodes.Status500InternalServerError, "/rules", page.T["Nav.Rules"]),
                _ => ReportResponse.Html(html, download == 1 ? $"batch-{number}.report.html" : null),
            };
        });

        app.MapGet("/batches/{number:long}/entries.csv", (long number, HttpContext http, RuntimeProvider runtimes, string? ledger) =>
        {
            var page = new PageContext(http);
            var name = ledger ?? "item";
            if (!LedgerCsv.Ledgers.Contains(name))
                return Results.BadRequest();
            var csv = WithStore(runtimes.Current.Folders.Database, store =>
            {
                if (store.Batch(number) is null)
                    return null;
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                LedgerCsv.Write(writer, LedgerCsv.Of(store.Entries(number), name), name, CsvDialect.For(page.T.Code));
                return writer.ToString();
            });
            if (csv is null)
                return Layout.Message(page, page.T["Batch.Missing"], page.T.Format("Batch.MissingText", number), StatusCodes.Status404NotFound, "/batches", page.T["Nav.Batches"]);
            return Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"batch-{number}-{name}.csv");
        });
    }

    /// <summary>Reads the database; null when there is none yet (nothing was posted), so looking never creates one.</summary>
    private static T? WithStore<T>(string database, Func<LedgerStore, T> read)
    {
        if (!File.Exists(database))
            return default;
        using var store = LedgerStore.OpenForReading(database);
        return read(store);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>The list's filter: plugin, and the days (UTC) between which batches were recorded, both included.</summary>
public sealed record BatchFilter(string? Plugin, DateOnly? From, DateOnly? To)
{
    /// <summary>The batches that pass, newest first.</summary>
    public IReadOnlyList<BatchRecord> Apply(IEnumerable<BatchRecord> batches) => batches
        .Where(b => Plugin is null || string.Equals(b.Plugin, Plugin, StringComparison.OrdinalIgnoreCase))
        .Where(b => From is null || DateOnly.FromDateTime(b.CreatedAt.UtcDateTime) >= From)
        .Where(b => To is null || DateOnly.FromDateTime(b.CreatedAt.UtcDateTime) <= To)
        .OrderByDescending(b => b.Id)
        .ToList();
}
