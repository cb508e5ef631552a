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
        _sql.Execute(
            $"INSERT INTO project_invoice ({DocumentRows.ProjectInvoiceColumns}) VALUES ($no, $batch, $row, $project, $cust, $status, $corrects, NULL)",
            ("$no", d.InvoiceNo), ("$batch", d.Batch), ("$row", d.Row), ("$project", d.ProjectNo), ("$cust", d.CustomerNo), ("$status", d.Status), ("$corrects", d.CorrectsInvoiceNo));
        if (d.CorrectsInvoiceNo is { } corrected
            && _sql.Execute("UPDATE project_invoice SET corrected_by = $by WHERE invoice_no = $n", ("$by", d.InvoiceNo), ("$n", corrected)) != 1)
            throw new LedgerInvariantException($"corrective invoice {d.InvoiceNo} corrects invoice {corrected}, which does not exist");
    }

    private void InsertActual(ProjectActual a) =>
        _sql.Execute(
            $"INSERT INTO project_actual ({EntryRows.ProjectColumns}) VALUES ($id, $batch, $row, $project, $inv, $line, $type, $res, $date, $qty, $price, $amount, $actualType, $chargeable, $reverses, $correction)",
            ("$id", a.ActualId), ("$batch", a.Batch), ("$row", a.Row), ("$project", a.ProjectNo), ("$inv", a.InvoiceNo), ("$line", a.InvoiceLineNo), ("$type", a.TransactionType),
            ("$res", a.Resource), ("$date", EntryRows.Date(a.Date)), ("$qty", Scaled.Quantity(a.Quantity)), ("$price", Scaled.Amount(a.UnitPrice)), ("$amount", Scaled.Amount(a.Amount)),
            ("$actualType", a.ActualType.ToString()), ("$chargeable", a.Chargeable ? 1 : 0), ("$reverses", a.ReversesActualId), ("$correction", a.Correction ? 1 : 0));
}
