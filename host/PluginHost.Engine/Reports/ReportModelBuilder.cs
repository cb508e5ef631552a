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
    public const int DetailLimit = 1000;

    /// <summary>The model for one batch; with a ledger reader, the story of each correction too.</summary>
    public static ReportModel Build(BatchRecord batch, string status, bool provisional, BatchEntries entries, IReadOnlyList<Problem> problems,
        IReadOnlyList<Posting.RuleNote>? notes = null, IReadOnlyList<string>? ignoredColumns = null, ReportLanguage? language = null, int detailLimit = DetailLimit, ILedgerReader? ledger = null)
    {
        var lang = language ?? ReportLanguage.English;
        var c = lang.Culture;
        var capped = new List<string>();
        IReadOnlyList<TView> Cap<TSource, TView>(IReadOnlyList<TSource> all, string table, string export, Func<TSource, TView> view)
        {
            if (all.Count > detailLimit)
                capped.Add(lang.Format("Capped", lang[table], ReportFormat.Count(detailLimit, c), ReportFormat.Count(all.Count, c), export));
            return all.Take(detailLimit).Select(view).ToList();
        }
        var csv = $"pluginhost entries {{0}} --batch {batch.Id} --csv";
        string Export(string ledger) => string.Format(CultureInfo.InvariantCulture, csv, ledger);
        string YesNo(bool value) => lang[value ? "Yes" : "No"];
        string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        var items = entries.Items;
        var capacity = entries.Capacity;
        var errors = problems.Where(p => p.IsError).OrderBy(p => p.Where.Row ?? 0).ThenBy(p => p.Where.Cell).ToList();
        var warnings = problems.Where(p => !p.IsError).OrderBy(p => p.Where.Row ?? 0).ToList();
        var refusedRows = errors.Where(p => p.Where.Row is not null).Select(p => p.Where.Row).Distinct().Count();
        var figures = new LedgerFigures(lang);
        return new ReportModel
        {
            Language = lang.Code,
            Culture = lang.CultureName,
            L = lang.Labels,
            Batch = new BatchView(
                provisional ? $"{batch.Id} ({lang["Provisional"]})" : batch.Id.ToString(CultureInfo.InvariantCulture),
                status, lang.Labels.GetValueOrDefault(status, status), batch.Plugin, batch.FileName, batch.FileSha256, batch.Sheet, batch.User, ReportFormat.Time(batch.CreatedAt, c),
                batch.LineCount, refusedRows, batch.Workflow, batch.RulesSha256),
            ItemEntries = Cap(items, "ItemEntries", Export("item"), e => new ItemEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate, c), lang[$"EntryType.{e.EntryType}"], e.DocumentNo, e.ItemNo,
                e.ProdOrderNo ?? "", ReportFormat.Quantity(e.Quantity, c), ReportFormat.Quantity(e.RemainingQuantity, c), YesNo(e.Open), Number(e.AppliesToEntry))),
            CapacityEntries = Cap(capacity, "CapacityEntries", Export("capacity"), e => new CapacityEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate, c), e.DocumentNo, e.ProdOrderNo, e.OperationNo, e.ItemNo,
                ReportFormat.Quantity(e.RunTime, c), ReportFormat.Quantity(e.OutputQuantity, c), e.ItemEntryNo, Number(e.ReversesEntryNo))),
            CustomerEntries = Cap(entries.Customer, "CustomerEntries", Export("customer"), e => new CustomerEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate, c), e.CustomerNo, lang[$"DocumentType.{e.DocumentType}"],
                e.DocumentNo, ReportFormat.Amount(e.Amount, c), ReportFormat.Amount(e.RemainingAmount, c), e.AppliesToDocumentNo ?? "", e.RmaNo ?? "", e.ReasonCode ?? "")),
            Invoices = Cap(entries.Invoices, "SalesInvoices", Export("customer"), i => new DocumentView(i.InvoiceNo, $"{lang["Ref.Order"]} {i.OrderNo}", i.CustomerNo, ReportFormat.Date(i.PostingDate, c), ReportFormat.Amount(i.Amount, c), i.Row,
                entries.InvoiceLines.Where(l => l.InvoiceNo == i.InvoiceNo).Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity, c),
                    ReportFormat.Amount(l.UnitPrice, c), ReportFormat.Amount(l.Amount, c), "", ReportFormat.Quantity(l.ReturnedQuantity, c), "")).ToList())),
            CreditNotes = Cap(entries.CreditNotes, "CreditNotes", Export("customer"), n => new DocumentView(n.CreditNoteNo, $"{lang["Ref.ReturnOrder"]} {n.ReturnOrderNo}, RMA {n.RmaNo}", n.CustomerNo, ReportFormat.Date(n.PostingDate, c), ReportFormat.Amount(n.Amount, c), n.Row,
                entries.CreditNoteLines.Where(l => l.CreditNoteNo == n.CreditNoteNo).Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity, c),
                    ReportFormat.Amount(l.UnitPrice, c), ReportFormat.Amount(l.Amount, c), $"{l.InvoiceNo} {lang["Ref.Line"]} {l.InvoiceLineNo}", "", l.ReasonCode ?? "")).ToList())),
            ProjectInvoices = Cap(entries.ProjectInvoices, "Invoices", Export("project"), i => new ProjectInvoiceView(i.InvoiceNo, i.Row, i.ProjectNo, i.CustomerNo, i.Status, i.CorrectsInvoiceNo ?? "", i.CorrectedBy ?? "")),
            ProjectActuals = Cap(entries.Project, "ProjectActuals", Export("project"), a => new ProjectActualView(a.ActualId, a.Row, a.ProjectNo, a.InvoiceNo, a.InvoiceLineNo, a.TransactionType, a.Resource, ReportFormat.Date(a.Date, c),
                ReportFormat.Quantity(a.Quantity, c), ReportFormat.Amount(a.UnitPrice, c), ReportFormat.Amount(a.Amount, c), lang[$"ActualType.{a.ActualType}"], YesNo(a.Chargeable), Number(a.ReversesActualId))),
            Corrections = ledger is null ? [] : CorrectionStories.Tell(entries, ledger, lang, detailLimit),
            IgnoredColumns = ignoredColumns ?? [],
            Errors = Cap(errors, "RefusedLines", $"pluginhost validate {batch.FileName}", p => View(p, lang)),
            RuleNotes = Cap(notes ?? [], "RuleResults", $"pluginhost validate {batch.FileName} --json", n => new RuleNoteView(n.Row.ToString(CultureInfo.InvariantCulture), n.Rule, n.Kind, n.Text)),
            Warnings = Cap(warnings, "Warnings", $"pluginhost validate {batch.FileName}", p => View(p, lang)),
            Capped = capped,
            DocumentTotals = Cap(DocumentTotals(entries, lang, figures).OrderBy(t => t.Document, StringComparer.Ordinal).ToList(), "DocumentTotals", $"pluginhost entries --batch {batch.Id} --json", t => t.View()),
            Totals =
            [
                new TotalView(lang["Ledger.Item"], items.Count, figures.Item(items)),
                new TotalView(lang["Ledger.Capacity"], capacity.Count, figures.Capacity([.. capacity])),
                new TotalView(lang["Ledger.Customer"], entries.Customer.Count, figures.Customer(entries.Customer)),
                new TotalView(lang["Ledger.Project"], entries.Project.Count, figures.Project([.. entries.Project])),
            ],
        };
    }

    /// <summary>Problems read back from the database, for re-rendering a stored batch.</summary>
    public static IReadOnlyList<Problem> FromStored(IEnumerable<StoredMessage> messages) =>
        messages.Select(m => new Problem(Enum.Parse<Severity>(m.Severity), m.Code, m.Message,
            new SourceLocation { Sheet = m.Sheet, Row = m.Row, Column = m.Column, Cell = m.Cell, Rule = m.Rule })).ToList();

    /// <summary>
    /// Totals per document number: what each document posted in each ledger (ledgers in this order). Each total is
    /// figured only when shown, so a batch of a million documents does not format a million totals to show a thousand.
    /// </summary>
    private static List<(string Document, Func<DocumentTotalView> View)> DocumentTotals(BatchEntries entries, ReportLanguage lang, LedgerFigures figures) =>
    [
        .. entries.Items.GroupBy(e => e.DocumentNo).Select(g => Total(g.Key, () => new DocumentTotalView(g.Key, lang["Ledger.Item"], g.Count(), figures.Item(g)))),
        .. entries.Capacity.GroupBy(e => e.DocumentNo).Select(g => Total(g.Key, () => new DocumentTotalView(g.Key, lang["Ledger.Capacity"], g.Count(), figures.Capacity([.. g])))),
        .. entries.Customer.GroupBy(e => e.DocumentNo).Select(g => Total(g.Key, () => new DocumentTotalView(g.Key, lang["Ledger.Customer"], g.Count(), figures.Customer(g)))),
        .. entries.Project.GroupBy(a => a.InvoiceNo).Select(g => Total(g.Key, () => new DocumentTotalView(g.Key, lang["Ledger.Project"], g.Count(), figures.Project([.. g])))),
    ];

    private static (string Document, Func<DocumentTotalView> View) Total(string document, Func<DocumentTotalView> view) => (document, view);

    private static MessageView View(Problem p, ReportLanguage lang) => new(
        p.Where.Sheet is null ? p.Where.ToString() : p.Where.Cell is not null ? $"{p.Where.Sheet}!{p.Where.Cell}" : $"{p.Where.Sheet}, {lang["Ref.RowOf"]} {p.Where.Row}",
        p.Where.Row?.ToString(CultureInfo.InvariantCulture) ?? "",
        p.Where.Rule ?? p.Code,
        p.Message);
}
