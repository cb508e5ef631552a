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
        var totals = DocumentTotalKeys(entries);
        // The lines of the documents shown, in one pass each rather than a search of every line per document.
        var shownInvoices = entries.Invoices.Take(detailLimit).Select(i => i.InvoiceNo).ToHashSet(StringComparer.Ordinal);
        var invoiceLines = entries.InvoiceLines.Where(l => shownInvoices.Contains(l.InvoiceNo)).ToLookup(l => l.InvoiceNo, StringComparer.Ordinal);
        var shownNotes = entries.CreditNotes.Take(detailLimit).Select(n => n.CreditNoteNo).ToHashSet(StringComparer.Ordinal);
        var creditNoteLines = entries.CreditNoteLines.Where(l => shownNotes.Contains(l.CreditNoteNo)).ToLookup(l => l.CreditNoteNo, StringComparer.Ordinal);
        var shownTotals = DocumentTotals(entries, totals.Take(detailLimit).ToHashSet(), lang, figures);
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
                invoiceLines[i.InvoiceNo].Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity, c),
                    ReportFormat.Amount(l.UnitPrice, c), ReportFormat.Amount(l.Amount, c), "", ReportFormat.Quantity(l.ReturnedQuantity, c), "")).ToList())),
            CreditNotes = Cap(entries.CreditNotes, "CreditNotes", Export("customer"), n => new DocumentView(n.CreditNoteNo, $"{lang["Ref.ReturnOrder"]} {n.ReturnOrderNo}, RMA {n.RmaNo}", n.CustomerNo, ReportFormat.Date(n.PostingDate, c), ReportFormat.Amount(n.Amount, c), n.Row,
                creditNoteLines[n.CreditNoteNo].Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity, c),
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
            DocumentTotals = Cap(totals, "DocumentTotals", $"pluginhost entries --batch {batch.Id} --json", t => shownTotals[t]),
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
    /// The rows of the document totals in the order the report lists them: by document number, and within one document
    /// by ledger (item, capacity, customer, project). A row is one document in one ledger.
    /// </summary>
    private static List<(string Document, int Ledger)> DocumentTotalKeys(BatchEntries entries)
    {
        var keys = new List<(string Document, int Ledger)>();
        void Add(IEnumerable<string> documents, int ledger)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                if (seen.Add(document))
                    keys.Add((document, ledger));
            }
        }
        Add(entries.Items.Select(e => e.DocumentNo), 0);
        Add(entries.Capacity.Select(e => e.DocumentNo), 1);
        Add(entries.Customer.Select(e => e.DocumentNo), 2);
        Add(entries.Project.Select(a => a.InvoiceNo), 3);
        return [.. keys.OrderBy(k => k.Document, StringComparer.Ordinal)];
    }

    /// <summary>
    /// What each shown document posted in each ledger. Only the rows the report shows are figured, so a batch of a
    /// million documents groups and formats a thousand of them, not a million (docs/performance.md).
    /// </summary>
    private static Dictionary<(string Document, int Ledger), DocumentTotalView> DocumentTotals(BatchEntries entries, HashSet<(string Document, int Ledger)> shown, ReportLanguage lang, LedgerFigures figures)
    {
        var views = new Dictionary<(string Document, int Ledger), DocumentTotalView>();
        foreach (var g in entries.Items.Where(e => shown.Contains((e.DocumentNo, 0))).GroupBy(e => e.DocumentNo))
            views[(g.Key, 0)] = new DocumentTotalView(g.Key, lang["Ledger.Item"], g.Count(), figures.Item(g));
        foreach (var g in entries.Capacity.Where(e => shown.Contains((e.DocumentNo, 1))).GroupBy(e => e.DocumentNo))
            views[(g.Key, 1)] = new DocumentTotalView(g.Key, lang["Ledger.Capacity"], g.Count(), figures.Capacity([.. g]));
        foreach (var g in entries.Customer.Where(e => shown.Contains((e.DocumentNo, 2))).GroupBy(e => e.DocumentNo))
            views[(g.Key, 2)] = new DocumentTotalView(g.Key, lang["Ledger.Customer"], g.Count(), figures.Customer(g));
        foreach (var g in entries.Project.Where(a => shown.Contains((a.InvoiceNo, 3))).GroupBy(a => a.InvoiceNo))
            views[(g.Key, 3)] = new DocumentTotalView(g.Key, lang["Ledger.Project"], g.Count(), figures.Project([.. g]));
        return views;
    }

    private static MessageView View(Problem p, ReportLanguage lang) => new(
        p.Where.Sheet is null ? p.Where.ToString() : p.Where.Cell is not null ? $"{p.Where.Sheet}!{p.Where.Cell}" : $"{p.Where.Sheet}, {lang["Ref.RowOf"]} {p.Where.Row}",
        p.Where.Row?.ToString(CultureInfo.InvariantCulture) ?? "",
        p.Where.Rule ?? p.Code,
        p.Message);
}
