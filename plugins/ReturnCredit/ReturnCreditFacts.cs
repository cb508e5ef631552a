using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.ReturnCredit;

/// <summary>
/// Looks up each return's original invoice line and keeps, across the rows of one workbook, what earlier rows already
/// returned from each invoice line and which customer, date and RMA each order and invoice was given first.
/// </summary>
internal sealed class ReturnCreditFacts(ILedgerReader ledger) : IBatchFacts, IBatchFactsFeedback
{
    // Keyed by row rather than by line, so that a batch posted a chunk at a time does not keep every return line alive.
    private readonly Dictionary<int, ((string Invoice, int Line) Key, decimal Quantity)> _claims = [];

    /// <summary>A refused return credits nothing, so its quantity stays returnable for the rows below.</summary>
    public void Refused(JournalLine line)
    {
        if (_claims.Remove(line.Row, out var claim))
            _returnedAbove[claim.Key] -= claim.Quantity;
    }

    private readonly Dictionary<(string Invoice, int Line), decimal> _returnedAbove = [];
    private readonly Dictionary<string, SalesReturnLine> _firstOfOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SalesReturnLine> _firstOfInvoice = new(StringComparer.Ordinal);
    private readonly HashSet<(string Invoice, int Line)> _invoiceLinesAbove = [];

    public IReadOnlyList<object?> FactsFor(JournalLine journalLine)
    {
        var line = (SalesReturnLine)journalLine;
        return line.IsReturn ? [InvoiceLineOf(line), OrderOf(line, _firstOfOrder, line.OrderNo)] : [OriginalInvoiceLine.None, SaleOf(line)];
    }

    private OriginalInvoiceLine InvoiceLineOf(SalesReturnLine line)
    {
        var key = (line.InvoiceNo, line.InvoiceLineNo);
        var above = _returnedAbove.GetValueOrDefault(key);
        if (line.Quantity < 0)
        {
            _returnedAbove[key] = above - line.Quantity;
            _claims[line.Row] = (key, -line.Quantity);
        }
        var invoice = string.IsNullOrWhiteSpace(line.InvoiceNo) ? null : ledger.FindSalesInvoice(line.InvoiceNo);
        if (invoice is null)
            return OriginalInvoiceLine.None;
        var invoiced = ledger.FindSalesInvoiceLine(line.InvoiceNo, line.InvoiceLineNo);
        if (invoiced is null)
            return new OriginalInvoiceLine { InvoiceExists = true, InvoiceNo = invoice.InvoiceNo, CustomerNo = invoice.CustomerNo, PostingDate = invoice.PostingDate };
        var credited = ledger.CreditNoteLinesFor(line.OrderNo, line.InvoiceNo, line.InvoiceLineNo).FirstOrDefault();
        return new OriginalInvoiceLine
        {
            Exists = true,
            InvoiceExists = true,
            InvoiceNo = invoice.InvoiceNo,
            LineNo = invoiced.LineNo,
            CustomerNo = invoice.CustomerNo,
            ItemNo = invoiced.ItemNo,
            Quantity = invoiced.Quantity,
            UnitPrice = invoiced.UnitPrice,
            PostingDate = invoice.PostingDate,
            ReturnedInLedger = invoiced.ReturnedQuantity,
            ReturnedByEarlierLines = above,
            Returnable = invoiced.Quantity - invoiced.ReturnedQuantity - above,
            CreditedBy = credited?.CreditNoteNo ?? "",
            ItemEntryNo = invoiced.ItemEntryNo,
        };
    }

    private OrderFacts SaleOf(SalesReturnLine line)
    {
        var invoice = string.IsNullOrWhiteSpace(line.InvoiceNo) ? null : ledger.FindSalesInvoice(line.InvoiceNo);
        var usedAbove = !_invoiceLinesAbove.Add((line.InvoiceNo, line.InvoiceLineNo));
        var facts = OrderOf(line, _firstOfInvoice, line.InvoiceNo);
        return new OrderFacts
        {
            InvoiceAlreadyPosted = invoice is not null,
            InvoicePostedInBatch = invoice?.Batch ?? 0,
            InvoiceLineUsedAbove = usedAbove,
            FirstRow = facts.FirstRow,
            CustomerNoAbove = facts.CustomerNoAbove,
            PostingDateAbove = facts.PostingDateAbove,
        };
    }

    private static OrderFacts OrderOf(SalesReturnLine line, Dictionary<string, SalesReturnLine> firsts, string key)
    {
        if (string.IsNullOrWhiteSpace(key) || !firsts.TryGetValue(key, out var first))
        {
            if (!string.IsNullOrWhiteSpace(key))
                firsts[key] = line;
            return new OrderFacts();
        }
        return new OrderFacts { FirstRow = first.Row, CustomerNoAbove = first.CustomerNo, PostingDateAbove = first.PostingDate, RmaNoAbove = first.RmaNo };
    }
}
