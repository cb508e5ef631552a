using PluginHost.Engine.Ledger;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Reports;

/// <summary>Builds a report's model from a batch record, its entries and its messages.</summary>
public static class ReportModelBuilder
{
    /// <summary>The model for one batch.</summary>
    public static ReportModel Build(BatchRecord batch, string status, bool provisional, BatchEntries entries, IReadOnlyList<Problem> problems, IReadOnlyList<Posting.RuleNote>? notes = null, IReadOnlyList<string>? ignoredColumns = null)
    {
        var items = entries.Items;
        var capacity = entries.Capacity;
        var errors = problems.Where(p => p.IsError).OrderBy(p => p.Where.Row ?? 0).ThenBy(p => p.Where.Cell).Select(View).ToList();
        var warnings = problems.Where(p => !p.IsError).OrderBy(p => p.Where.Row ?? 0).Select(View).ToList();
        var refusedRows = problems.Where(p => p.IsError && p.Where.Row is not null).Select(p => p.Where.Row).Distinct().Count();
        return new ReportModel
        {
            Batch = new BatchView(
                provisional ? $"{batch.Id} (provisional: dry run, nothing written)" : batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                status, batch.Plugin, batch.FileName, batch.FileSha256, batch.Sheet, batch.User, ReportFormat.Time(batch.CreatedAt),
                batch.LineCount, refusedRows, batch.Workflow, batch.RulesSha256),
            ItemEntries = items.Select(e => new ItemEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate), e.EntryType.ToString(), e.DocumentNo, e.ItemNo,
                e.ProdOrderNo ?? "", ReportFormat.Quantity(e.Quantity), ReportFormat.Quantity(e.RemainingQuantity), e.Open ? "yes" : "no", e.AppliesToEntry?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList(),
            CapacityEntries = capacity.Select(e => new CapacityEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate), e.DocumentNo, e.ProdOrderNo, e.OperationNo, e.ItemNo,
                ReportFormat.Quantity(e.RunTime), ReportFormat.Quantity(e.OutputQuantity), e.ItemEntryNo, e.ReversesEntryNo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList(),
            CustomerEntries = entries.Customer.Select(e => new CustomerEntryView(e.EntryNo, e.Row, ReportFormat.Date(e.PostingDate), e.CustomerNo, e.DocumentType.ToString(),
                e.DocumentNo, ReportFormat.Amount(e.Amount), ReportFormat.Amount(e.RemainingAmount), e.AppliesToDocumentNo ?? "", e.RmaNo ?? "", e.ReasonCode ?? "")).ToList(),
            Invoices = entries.Invoices.Select(i => new DocumentView(i.InvoiceNo, $"order {i.OrderNo}", i.CustomerNo, ReportFormat.Date(i.PostingDate), ReportFormat.Amount(i.Amount), i.Row,
                entries.InvoiceLines.Where(l => l.InvoiceNo == i.InvoiceNo).Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity),
                    ReportFormat.Amount(l.UnitPrice), ReportFormat.Amount(l.Amount), "", ReportFormat.Quantity(l.ReturnedQuantity), "")).ToList())).ToList(),
            CreditNotes = entries.CreditNotes.Select(c => new DocumentView(c.CreditNoteNo, $"return order {c.ReturnOrderNo}, RMA {c.RmaNo}", c.CustomerNo, ReportFormat.Date(c.PostingDate), ReportFormat.Amount(c.Amount), c.Row,
                entries.CreditNoteLines.Where(l => l.CreditNoteNo == c.CreditNoteNo).Select(l => new DocumentLineView(l.LineNo, l.Row, l.ItemNo, ReportFormat.Quantity(l.Quantity),
                    ReportFormat.Amount(l.UnitPrice), ReportFormat.Amount(l.Amount), $"{l.InvoiceNo} line {l.InvoiceLineNo}", "", l.ReasonCode ?? "")).ToList())).ToList(),
            ProjectInvoices = entries.ProjectInvoices.Select(i => new ProjectInvoiceView(i.InvoiceNo, i.Row, i.ProjectNo, i.CustomerNo, i.Status, i.CorrectsInvoiceNo ?? "", i.CorrectedBy ?? "")).ToList(),
            ProjectActuals = entries.Project.Select(a => new ProjectActualView(a.ActualId, a.Row, a.ProjectNo, a.InvoiceNo, a.InvoiceLineNo, a.TransactionType, a.Resource, ReportFormat.Date(a.Date),
                ReportFormat.Quantity(a.Quantity), ReportFormat.Amount(a.UnitPrice), ReportFormat.Amount(a.Amount), a.ActualType.ToString(), a.Chargeable ? "yes" : "no",
                a.ReversesActualId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToList(),
            IgnoredColumns = ignoredColumns ?? [],
            Errors = errors,
            RuleNotes = (notes ?? []).Select(n => new RuleNoteView(n.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), n.Rule, n.Kind, n.Text)).ToList(),
            Warnings = warnings,
            Totals =
            [
                new TotalView("Item", items.Count, $"quantity {ReportFormat.Quantity(items.Sum(e => e.Quantity))}"),
                new TotalView("Capacity", capacity.Count, $"run time {ReportFormat.Quantity(capacity.Sum(e => e.RunTime))}, output {ReportFormat.Quantity(capacity.Sum(e => e.OutputQuantity))}"),
                new TotalView("Customer", entries.Customer.Count, $"amount {ReportFormat.Amount(entries.Customer.Sum(e => e.Amount))}"),
                new TotalView("Project", entries.Project.Count, $"billed {ReportFormat.Amount(entries.Project.Where(a => a.ActualType == Contracts.Ledger.ProjectActualType.BilledSales).Sum(a => a.Amount))}, unbilled {ReportFormat.Amount(entries.Project.Where(a => a.ActualType == Contracts.Ledger.ProjectActualType.UnbilledSales).Sum(a => a.Amount))}"),
            ],
        };
    }

    /// <summary>Problems read back from the database, for re-rendering a stored batch.</summary>
    public static IReadOnlyList<Problem> FromStored(IEnumerable<StoredMessage> messages) =>
        messages.Select(m => new Problem(Enum.Parse<Severity>(m.Severity), m.Code, m.Message,
            new SourceLocation { Sheet = m.Sheet, Row = m.Row, Column = m.Column, Cell = m.Cell, Rule = m.Rule })).ToList();

    private static MessageView View(Problem p) => new(
        p.Where.Sheet is null ? p.Where.ToString() : p.Where.Cell is not null ? $"{p.Where.Sheet}!{p.Where.Cell}" : $"{p.Where.Sheet}, row {p.Where.Row}",
        p.Where.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        p.Where.Rule ?? p.Code,
        p.Message);
}
