using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Engine.Ledger;

/// <summary>Writing project invoices and actuals; a corrective invoice marks the invoice it corrects.</summary>
public sealed partial class LedgerTransaction
{
    private void WriteProjects(PostingResult result)
    {
        foreach (var invoice in result.ProjectInvoices)
            InsertProjectInvoice(invoice);
        foreach (var actual in result.ProjectActuals)
            InsertActual(actual);
    }

    private void InsertProjectInvoice(ProjectInvoice d)
    {
        if (d.CorrectedBy is not null)
            throw new LedgerInvariantException($"invoice {d.InvoiceNo} cannot be posted as already corrected; the host marks corrections itself");
        _writes.ProjectInvoice.Bind(1, d.InvoiceNo).Bind(2, d.Batch).Bind(3, d.Row).Bind(4, d.ProjectNo).Bind(5, d.CustomerNo).Bind(6, d.Status)
            .Bind(7, d.CorrectsInvoiceNo)
            .Execute();
        _tally.ProjectInvoice();
        if (d.CorrectsInvoiceNo is { } corrected && _writes.MarkCorrected.Bind(1, d.InvoiceNo).Bind(2, corrected).Execute() != 1)
            throw new LedgerInvariantException($"corrective invoice {d.InvoiceNo} corrects invoice {corrected}, which does not exist");
    }

    private void InsertActual(ProjectActual a)
    {
        var amount = Scaled.Amount(a.Amount);
        _writes.Actual.Bind(1, a.ActualId).Bind(2, a.Batch).Bind(3, a.Row).Bind(4, a.ProjectNo).Bind(5, a.InvoiceNo).Bind(6, a.InvoiceLineNo).Bind(7, a.TransactionType)
            .Bind(8, a.Resource).Bind(9, EntryRows.Date(a.Date)).Bind(10, Scaled.Quantity(a.Quantity)).Bind(11, Scaled.Amount(a.UnitPrice)).Bind(12, amount)
            .Bind(13, a.ActualType.ToString()).Bind(14, a.Chargeable ? 1 : 0).Bind(15, a.ReversesActualId).Bind(16, a.Correction ? 1 : 0)
            .Execute();
        var (billed, unbilled) = (a.ActualType == ProjectActualType.BilledSales ? amount : 0, a.ActualType == ProjectActualType.UnbilledSales ? amount : 0);
        _documents.Add(a.InvoiceNo, 3, billed, unbilled);
        _tally.Project(billed, unbilled);
    }
}
