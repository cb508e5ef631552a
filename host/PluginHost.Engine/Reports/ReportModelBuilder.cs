using System.Globalization;
using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Engine.Reports;

/// <summary>Builds a report's model from a batch record, its entries and its messages, in one language.</summary>
public static class ReportModelBuilder
{
    /// <summary>Rows a detail table shows at most; totals are always over the whole batch.</summary>
    public const int DetailLimit = BatchSummary.RowLimit;

    /// <summary>
    /// The model for one batch; with a ledger reader, the story of each correction too. The summary of what the batch
    /// wrote must be read with the same row limit as <c>detailLimit</c>.
    /// </summary>
    public static ReportModel Build(BatchRecord batch, string status, bool provisional, BatchSummary summary, IReadOnlyList<Problem> problems,
        IReadOnlyList<Posting.RuleNote>? notes = null, IReadOnlyList<string>? ignoredColumns = null, ReportLanguage? language = null, int detailLimit = DetailLimit, ILedgerReader? ledger = null)
    {
        var lang = language ?? ReportLanguage.English;
        var c = lang.Culture;
        var capped = new List<string>();
        IReadOnlyList<TView> Cap<TSource, TView>(IReadOnlyList<TSource> shown, int count, string table, string export, Func<TSource, TView> view)
        {
            if (count > detailLimit)
                capped.Add(lang.Format("Capped", lang[table], ReportFormat.Count(detailLimit, c), ReportFormat.Count(count, c), export));
            return shown.Take(detailLimit).Select(view).ToList();
        }
        IReadOnlyList<TView> CapAll<TSource, TView>(IReadOnlyList<TSource> all, string table, string export, Func<TSource, TView> view) => Cap(all, all.Count, table, export, view);
        var csv = $"pluginhost entries {{0}} --batch {batch.Id} --csv";
        string Export(string ledger) => string.Format(CultureInfo.InvariantCulture, csv, ledger);
        string YesNo(bool value) => lang[value ? "Yes" : "No"];
        string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        var entries = summary.Shown;
        var counts = summary.Counts;
        var errors = problems.Where(p => p.IsError).OrderBy(p => p.Where.Row ?? 0).ThenBy(p => p.Where.Cell).ToList();
        var warnings = problems.Where(p => !p.IsError).OrderBy(p => p.Where.Row ?? 0).ToList();
        var refusedRows = errors.Where(p => p.Where.Row is not null).Select(p => p.Where.Row).Distinct().Count();
        var figures = new LedgerFigures(lang);
        var invoiceLines = entries.InvoiceLines.ToLookup(l => l.InvoiceNo, StringComparer.Ordinal);
        var creditNoteLines = entries.CreditNoteLines.ToLookup(l => l.CreditNoteNo, StringComparer.Ordinal);
        string[] ledgers = [lang["Ledger.Item"], lang["Ledger.Capacity"], lang["Ledger.Customer"], lang["Ledger.Project"]];
        return new ReportModel
        {
            Language = lang.Code,
            Culture = lang.CultureName,
            L = lang.Labels,
            Batch = new BatchView(
                provisional ? $"{batch.Id} ({lang["Provisional"]})" : batch.Id.ToString(CultureInfo.InvariantCulture),
                status, lang.Labels.GetValueOrDefault(status, status), batch.Plugin, batch.FileName, batch.FileSha256, batch.Sheet, batch.User, ReportFormat.Time(batch.CreatedAt, c),
                batch.LineCount, refusedRows, batch.Workflow, batch.RulesSha256),
            ItemEntries = Cap(entries.Items, counts.Items, "ItemEntries", Export("item"), e => new ItemEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate, c), lang[$"EntryType.{e.EntryType}"], e.DocumentNo, e.ItemNo,
                e.ProdOrderNo ?? "", ReportFormat.Quantity(e.Quantity, c), ReportFormat.Quantity(e.RemainingQuantity, c), YesNo(e.Open), Number(e.AppliesToEntry))),
            CapacityEntries = Cap(entries.Capacity, counts.Capacity, "CapacityEntries", Export("capacity"), e => new CapacityEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate, c), e.DocumentNo, e.ProdOrderNo, e.OperationNo, e.ItemNo,
                ReportFormat.Quantity(e.RunTime, c), ReportFormat.Quantity(e.OutputQuantity, c), e.ItemEntryNo, Number(e.ReversesEntryNo))),
            CustomerEntries = Cap(entries.Customer, counts.Customer, "CustomerEntries", Export("customer"), e => new CustomerEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate, c), e.CustomerNo, lang[$"DocumentType.{e.DocumentType}"],
                e.DocumentNo, ReportFormat.Amount(e.Amount, c), ReportFormat.Amount(e.RemainingAmount, c), e.AppliesToDocumentNo ?? "", e.RmaNo ?? "", e.ReasonCode ?? "")),
            Invoices = Cap(entries.Invoices, counts.Invoices, "SalesInvoices", Export("customer"), i => new DocumentView(i.InvoiceNo, $"{lang["Ref.Order"]} {i.OrderNo}", i.CustomerNo, ReportFormat.Date(i.PostingDate, c), ReportFormat.Amount(i.Amount, c), i.Row,
                invoiceLines[i.InvoiceNo].Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity, c),
                    ReportFormat.Amount(l.UnitPrice, c), ReportFormat.Amount(l.Amount, c), "", ReportFormat.Quantity(l.ReturnedQuantity, c), "")).ToList())),
            CreditNotes = Cap(entries.CreditNotes, counts.CreditNotes, "CreditNotes", Export("customer"), n => new DocumentView(n.CreditNoteNo, $"{lang["Ref.ReturnOrder"]} {n.ReturnOrderNo}, RMA {n.RmaNo}", n.CustomerNo, ReportFormat.Date(n.PostingDate, c), ReportFormat.Amount(n.Amount, c), n.Row,
                creditNoteLines[n.CreditNoteNo].Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity, c),
                    ReportFormat.Amount(l.UnitPrice, c), ReportFormat.Amount(l.Amount, c), $"{l.InvoiceNo} {lang["Ref.Line"]} {l.InvoiceLineNo}", "", l.ReasonCode ?? "")).ToList())),
            ProjectInvoices = Cap(entries.ProjectInvoices, counts.ProjectInvoices, "Invoices", Export("project"), i => new ProjectInvoiceView(i.InvoiceNo, i.Row, i.ProjectNo, i.CustomerNo, Term(i.Status, lang), i.CorrectsInvoiceNo ?? "", i.CorrectedBy ?? "")),
            ProjectActuals = Cap(entries.Project, counts.Project, "ProjectActuals", Export("project"), a => new ProjectActualView(a.ActualId, a.Row, a.ProjectNo, a.InvoiceNo, a.InvoiceLineNo, TransactionType(a.TransactionType, lang), a.Resource, ReportFormat.Date(a.Date, c),
                ReportFormat.Quantity(a.Quantity, c), ReportFormat.Amount(a.UnitPrice, c), ReportFormat.Amount(a.Amount, c), lang[$"ActualType.{a.ActualType}"], YesNo(a.Chargeable), Number(a.ReversesActualId))),
            Corrections = ledger is null ? [] : CorrectionStories.Tell(summary.Corrections, ledger, lang),
            IgnoredColumns = ignoredColumns ?? [],
            Errors = CapAll(errors, "RefusedLines", $"pluginhost validate {batch.FileName}", p => View(p, lang)),
            RuleNotes = CapAll(notes ?? [], "RuleResults", $"pluginhost validate {batch.FileName} --json", n => new RuleNoteView(n.Row.ToString(CultureInfo.InvariantCulture), n.Rule, n.Kind, n.Text)),
            Warnings = CapAll(warnings, "Warnings", $"pluginhost validate {batch.FileName}", p => View(p, lang)),
            Capped = capped,
            DocumentTotals = Cap(summary.Documents, summary.DocumentCount, "DocumentTotals", $"pluginhost entries --batch {batch.Id} --json", d => new DocumentTotalView(d.Document, ledgers[d.Ledger], d.Count, figures.Of(d.Ledger, d.Sums))),
            Totals =
            [
                new TotalView(ledgers[0], counts.Items, figures.Of(0, summary.Sums)),
                new TotalView(ledgers[1], counts.Capacity, figures.Of(1, summary.Sums)),
                new TotalView(ledgers[2], counts.Customer, figures.Of(2, summary.Sums)),
                new TotalView(ledgers[3], counts.Project, figures.Of(3, summary.Sums)),
            ],
        };
    }

    /// <summary>Problems read back from the database, for re-rendering a stored batch.</summary>
    public static IReadOnlyList<Problem> FromStored(IEnumerable<StoredMessage> messages) =>
        messages.Select(m => new Problem(Enum.Parse<Severity>(m.Severity), m.Code, m.Message,
            new SourceLocation { Sheet = m.Sheet, Row = m.Row, Column = m.Column, Cell = m.Cell, Rule = m.Rule })).ToList();

    private static MessageView View(Problem p, ReportLanguage lang) => new(
        p.Where.Sheet is null ? p.Where.ToString() : p.Where.Cell is not null ? $"{p.Where.Sheet}!{p.Where.Cell}" : $"{p.Where.Sheet}, {lang["Ref.RowOf"]} {p.Where.Row}",
        p.Where.Row?.ToString(CultureInfo.InvariantCulture) ?? "",
        p.Where.Rule ?? p.Code,
        p.Message);

    /// <summary>A project transaction type (Time, Expense ...) in the report's language, as the glossary names it.</summary>
    private static string TransactionType(string type, ReportLanguage lang) => Term(type, lang, "Type");

    /// <summary>A value the ledger stores in English (Confirmed, Time ...) in the report's language, when the glossary has it.</summary>
    private static string Term(string value, ReportLanguage lang, string prefix = "") =>
        Engine.Languages.Glossary.Terms.ContainsKey(prefix + value) ? Engine.Languages.Glossary.Word(prefix + value, lang.Code) : value;
}
