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

    private void InsertInvoice(SalesInvoice d) =>
        _sql.Execute( $"INSERT INTO sales_invoice ({DocumentRows.InvoiceColumns}) VALUES ($no, $batch, $row, $order, $cust, $date, $amount)",
            ("$no", d.InvoiceNo), ("$batch", d.Batch), ("$row", d.Row), ("$order", d.OrderNo), ("$cust", d.CustomerNo), ("$date", EntryRows.Date(d.PostingDate)), ("$amount", Scaled.Amount(d.Amount)));

    private void InsertInvoiceLine(SalesInvoiceLine d) =>
        _sql.Execute(
            $"INSERT INTO sales_invoice_line ({DocumentRows.InvoiceLineColumns}) VALUES ($no, $line, $batch, $row, $item, $qty, $price, $amount, $returned, $entry)",
            ("$no", d.InvoiceNo), ("$line", d.LineNo), ("$batch", d.Batch), ("$row", d.Row), ("$item", d.ItemNo), ("$qty", Scaled.Quantity(d.Quantity)),
            ("$price", Scaled.Amount(d.UnitPrice)), ("$amount", Scaled.Amount(d.Amount)), ("$returned", Scaled.Quantity(d.ReturnedQuantity)), ("$entry", d.ItemEntryNo));

    private void InsertCreditNote(CreditNote d) =>
        _sql.Execute( $"INSERT INTO credit_note ({DocumentRows.CreditNoteColumns}) VALUES ($no, $batch, $row, $order, $rma, $cust, $date, $amount)",
            ("$no", d.CreditNoteNo), ("$batch", d.Batch), ("$row", d.Row), ("$order", d.ReturnOrderNo), ("$rma", d.RmaNo), ("$cust", d.CustomerNo),
            ("$date", EntryRows.Date(d.PostingDate)), ("$amount", Scaled.Amount(d.Amount)));

    private void InsertCreditNoteLine(CreditNoteLine d) =>
        _sql.Execute(
            $"INSERT INTO credit_note_line ({DocumentRows.CreditNoteLineColumns}) VALUES ($no, $line, $batch, $row, $inv, $invLine, $item, $qty, $price, $amount, $reason, $entry)",
            ("$no", d.CreditNoteNo), ("$line", d.LineNo), ("$batch", d.Batch), ("$row", d.Row), ("$inv", d.InvoiceNo), ("$invLine", d.InvoiceLineNo),
            ("$item", d.ItemNo), ("$qty", Scaled.Quantity(d.Quantity)), ("$price", Scaled.Amount(d.UnitPrice)), ("$amount", Scaled.Amount(d.Amount)),
            ("$reason", d.ReasonCode), ("$entry", d.ItemEntryNo));

    private void InsertCustomer(CustomerLedgerEntry e) =>
        _sql.Execute(
            $"INSERT INTO customer_entry ({EntryRows.CustomerColumns}) VALUES ($no, $batch, $row, $date, $cust, $type, $doc, $amount, $rem, $applies, $rma, $reason)",
            ("$no", e.EntryNo), ("$batch", e.Batch), ("$row", e.Row), ("$date", EntryRows.Date(e.PostingDate)), ("$cust", e.CustomerNo),
            ("$type", e.DocumentType.ToString()), ("$doc", e.DocumentNo), ("$amount", Scaled.Amount(e.Amount)), ("$rem", Scaled.Amount(e.RemainingAmount)),
            ("$applies", e.AppliesToDocumentNo), ("$rma", e.RmaNo), ("$reason", e.ReasonCode));

    private void AddReturned(InvoiceLineReturn returned)
    {
        if (returned.Quantity <= 0)
            throw new LedgerInvariantException($"row {returned.Row}: a returned quantity must be positive, not {returned.Quantity}");
        // One statement in the usual case; only a return that does not fit is looked at again, to say why.
        var quantity = Scaled.Quantity(returned.Quantity);
        if (_sql.Scalar("UPDATE sales_invoice_line SET returned_quantity = returned_quantity + $q WHERE invoice_no = $n AND line_no = $l AND returned_quantity + $q <= quantity RETURNING returned_quantity",
                ("$q", quantity), ("$n", returned.InvoiceNo), ("$l", returned.LineNo)) is long)
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
        var remaining = _sql.Scalar("SELECT remaining_amount FROM customer_entry WHERE document_type = 'Invoice' AND document_no = $n", ("$n", application.InvoiceNo));
        if (remaining is not long left)
            throw new LedgerInvariantException($"row {application.Row}: invoice {application.InvoiceNo} has no customer entry");
        var after = left - Scaled.Amount(application.Amount);
        if (after < 0)
            throw new LedgerInvariantException($"row {application.Row}: invoice {application.InvoiceNo} has {Scaled.Amount(left)} open; crediting {application.Amount} would credit more than was invoiced");
        _sql.Execute("UPDATE customer_entry SET remaining_amount = $r WHERE document_type = 'Invoice' AND document_no = $n", ("$r", after), ("$n", application.InvoiceNo));
    }
}
