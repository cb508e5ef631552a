using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Engine.Ledger;

/// <summary>Writing customer entries, sales invoices and credit notes, with their invariants.</summary>
public sealed partial class LedgerTransaction
{
    private void WriteSales(PostingResult result)
    {
        foreach (var invoice in result.SalesInvoices)
            InsertInvoice(invoice);
        foreach (var line in result.SalesInvoiceLines)
            InsertInvoiceLine(line);
        foreach (var note in result.CreditNotes)
            InsertCreditNote(note);
        foreach (var line in result.CreditNoteLines)
            InsertCreditNoteLine(line);
        foreach (var e in result.CustomerEntries)
            InsertCustomer(e);
        foreach (var returned in result.InvoiceLineReturns)
            AddReturned(returned);
        foreach (var application in result.CustomerApplications)
            ApplyCredit(application);
    }

    private void InsertInvoice(SalesInvoice d)
    {
        _writes.Invoice.Bind(1, d.InvoiceNo).Bind(2, d.Batch).Bind(3, d.Row).Bind(4, d.OrderNo).Bind(5, d.CustomerNo).Bind(6, EntryRows.Date(d.PostingDate))
            .Bind(7, Scaled.Amount(d.Amount))
            .Execute();
        _tally.Invoice();
    }

    private void InsertInvoiceLine(SalesInvoiceLine d) =>
        _writes.InvoiceLine.Bind(1, d.InvoiceNo).Bind(2, d.LineNo).Bind(3, d.Batch).Bind(4, d.Row).Bind(5, d.ItemNo).Bind(6, Scaled.Quantity(d.Quantity))
            .Bind(7, Scaled.Amount(d.UnitPrice)).Bind(8, Scaled.Amount(d.Amount)).Bind(9, Scaled.Quantity(d.ReturnedQuantity)).Bind(10, d.ItemEntryNo)
            .Execute();

    private void InsertCreditNote(CreditNote d)
    {
        _writes.CreditNote.Bind(1, d.CreditNoteNo).Bind(2, d.Batch).Bind(3, d.Row).Bind(4, d.ReturnOrderNo).Bind(5, d.RmaNo).Bind(6, d.CustomerNo)
            .Bind(7, EntryRows.Date(d.PostingDate)).Bind(8, Scaled.Amount(d.Amount))
            .Execute();
        _tally.CreditNote();
    }

    private void InsertCreditNoteLine(CreditNoteLine d) =>
        _writes.CreditNoteLine.Bind(1, d.CreditNoteNo).Bind(2, d.LineNo).Bind(3, d.Batch).Bind(4, d.Row).Bind(5, d.InvoiceNo).Bind(6, d.InvoiceLineNo)
            .Bind(7, d.ItemNo).Bind(8, Scaled.Quantity(d.Quantity)).Bind(9, Scaled.Amount(d.UnitPrice)).Bind(10, Scaled.Amount(d.Amount))
            .Bind(11, d.ReasonCode).Bind(12, d.ItemEntryNo)
            .Execute();

    private void InsertCustomer(CustomerLedgerEntry e)
    {
        var amount = Scaled.Amount(e.Amount);
        _writes.Customer.Bind(1, e.EntryNo).Bind(2, e.Batch).Bind(3, e.Row).Bind(4, EntryRows.Date(e.PostingDate)).Bind(5, e.CustomerNo)
            .Bind(6, e.DocumentType.ToString()).Bind(7, e.DocumentNo).Bind(8, amount).Bind(9, Scaled.Amount(e.RemainingAmount))
            .Bind(10, e.AppliesToDocumentNo).Bind(11, e.RmaNo).Bind(12, e.ReasonCode)
            .Execute();
        _documents.Add(e.DocumentNo, 2, amount);
        _tally.Customer(amount);
    }

    private void AddReturned(InvoiceLineReturn returned)
    {
        if (returned.Quantity <= 0)
            throw new LedgerInvariantException($"row {returned.Row}: a returned quantity must be positive, not {returned.Quantity}");
        // One statement in the usual case; only a return that does not fit is looked at again, to say why.
        var quantity = Scaled.Quantity(returned.Quantity);
        if (_writes.ReturnLine.Bind(1, quantity).Bind(2, returned.InvoiceNo).Bind(3, returned.LineNo).Scalar() is not null)
            return;
        var line = _sql.Query("SELECT quantity, returned_quantity FROM sales_invoice_line WHERE invoice_no = $n AND line_no = $l",
            r => (Quantity: r.GetInt64(0), Returned: r.GetInt64(1)), ("$n", returned.InvoiceNo), ("$l", returned.LineNo)).FirstOrDefault();
        if (line == default)
            throw new LedgerInvariantException($"row {returned.Row}: invoice {returned.InvoiceNo} has no line {returned.LineNo}");
        throw new LedgerInvariantException($"row {returned.Row}: invoice {returned.InvoiceNo} line {returned.LineNo} invoiced {Scaled.Quantity(line.Quantity)} and has {Scaled.Quantity(line.Returned)} returned; returning {returned.Quantity} more would pass what was invoiced");
    }

    private void ApplyCredit(CustomerApplication application)
    {
        if (application.Amount <= 0)
            throw new LedgerInvariantException($"row {application.Row}: a credit applied to invoice {application.InvoiceNo} must be positive, not {application.Amount}");
        if (_writes.InvoiceRemaining.Bind(1, application.InvoiceNo).Scalar() is not { } left)
            throw new LedgerInvariantException($"row {application.Row}: invoice {application.InvoiceNo} has no customer entry");
        var after = left - Scaled.Amount(application.Amount);
        if (after < 0)
            throw new LedgerInvariantException($"row {application.Row}: invoice {application.InvoiceNo} has {Scaled.Amount(left)} open; crediting {application.Amount} would credit more than was invoiced");
        _writes.SetInvoiceRemaining.Bind(1, after).Bind(2, application.InvoiceNo).Execute();
    }
}
