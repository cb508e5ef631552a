using PluginHost.Engine.Ledger;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Engine.Reports;

/// <summary>
/// The report model of a recorded batch, for <c>pluginhost report</c> and the web page alike (docs/reports.md): the model
/// kept at posting time renders the report exactly as it was. Another language, or a batch kept without a model, is
/// rebuilt from the ledgers; the rule results and ignored columns come from the kept model.
/// </summary>
public static class RecordedReport
{
    /// <summary>
    /// The model of <paramref name="record"/>; <paramref name="asked"/> is the language the user chose, or null for the
    /// one it was posted in.
    /// </summary>
    public static ReportModel Model(LedgerStore store, BatchRecord record, ReportLanguage? asked)
    {
        var snapshot = store.ReportModel(record.Id) is { } kept ? ReportModelJson.Deserialize(kept) : null;
        return snapshot is not null && (asked is null || (snapshot.Language == asked.Code && snapshot.Culture == asked.CultureName))
            ? snapshot
            : Rebuild(store, record, asked ?? ReportLanguage.English, snapshot);
    }

    /// <summary>
    /// The model rebuilt from the ledgers in another language. The corrections' "after" is the position as the ledgers
    /// stand now (docs/reports.md); rule results and ignored columns are only known from the kept model.
    /// </summary>
    private static ReportModel Rebuild(LedgerStore store, BatchRecord record, ReportLanguage language, ReportModel? kept)
    {
        var summary = store.Summary(record.Id, ReportModelBuilder.DetailLimit);
        var messages = ReportModelBuilder.FromStored(store.Messages(record.Id));
        using var read = store.BeginBatch(); // never committed: only read under the same lock posting takes
        var rebuilt = ReportModelBuilder.Build(record, record.Status, provisional: false, summary, messages, language: language, ledger: read.Reader);
        return kept is null ? rebuilt : rebuilt with { RuleNotes = kept.RuleNotes, IgnoredColumns = kept.IgnoredColumns };
    }
}
