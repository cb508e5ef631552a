using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.ReturnCredit;

/// <summary>
/// Looks up each return's original invoice line and keeps, across the rows of one workbook, what earlier rows already
/// returned from each invoice line and which customer, date and RMA each order and invoice was given first.
/// </summary>
internal sealed class ReturnCreditFacts(ILedgerReader ledger) : IBatchFacts, IBatchFactsFeedback, IBatchFactsLookAhead
{
    /// <summary>
    /// What one chunk's lines look up, fetched at once: only the keys in the asked sets are answered from here, any other
    /// key is looked up alone. Each chunk replaces the last one's, so a long batch does not keep them all.
    /// </summary>
    private sealed record Found(
        HashSet<string> InvoicesAsked, IReadOnlyDictionary<string, SalesInvoice> Invoices,
        HashSet<(string InvoiceNo, int LineNo)> LinesAsked, IReadOnlyDictionary<(string InvoiceNo, int LineNo), SalesInvoiceLine> Lines);

    private Found? _found;

    /// <summary>
    /// Looks up the invoices the lines name and the invoice lines the returns name, in two queries when the ledger can (<see cref="ILedgerBatchReader"/>); <see cref="FactsFor"/> then reads them from here.
    /// </summary>
    public void Prefetch(IReadOnlyList<JournalLine> lines) => UseLookAhead(LookAhead(lines, ledger));

    public object? LookAhead(IReadOnlyList<JournalLine> lines, ILedgerReader reader)
    {
        if (reader is not ILedgerBatchReader batch)
            return null;
        var sales = lines.OfType<SalesReturnLine>().ToList();
        var invoicesAsked = sales.Where(l => !string.IsNullOrWhiteSpace(l.InvoiceNo)).Select(l => l.InvoiceNo).ToHashSet(StringComparer.Ordinal);
        var invoices = batch.FindSalesInvoices(invoicesAsked);
        // As InvoiceLineOf asks: the line only of an invoice that exists.
        var linesAsked = sales.Where(l => l.IsReturn && invoices.ContainsKey(l.InvoiceNo)).Select(l => (l.InvoiceNo, l.InvoiceLineNo)).ToHashSet();
        return new Found(invoicesAsked, invoices, linesAsked, batch.FindSalesInvoiceLines(linesAsked));
    }

    public void UseLookAhead(object? found) => _found = (Found?)found;

    private SalesInvoice? Invoice(string invoiceNo) =>
        _found is { } found && found.InvoicesAsked.Contains(invoiceNo) ? found.Invoices.GetValueOrDefault(invoiceNo) : ledger.FindSalesInvoice(invoiceNo);

    private SalesInvoiceLine? InvoiceLine(string invoiceNo, int lineNo) =>
        _found is { } found && found.LinesAsked.Contains((invoiceNo, lineNo)) ? found.Lines.GetValueOrDefault((invoiceNo, lineNo)) : ledger.FindSalesInvoiceLine(invoiceNo, lineNo);

    // Only the last line's claim: the host says a line was refused before it asks for the next (IBatchFactsFeedback),
    // so nothing is kept per line of a batch of any length.
    private (int Row, (string Invoice, int Line) Key, decimal Quantity)? _lastClaim;

    /// <summary>A refused return credits nothing, so its quantity stays returnable for the rows below.</summary>
    public void Refused(JournalLine line)
    {
        if (_lastClaim is { } claim && claim.Row == line.Row)
        {
            _returnedAbove[claim.Key] -= claim.Quantity;
            _lastClaim = null;
        }
    }

    private readonly Dictionary<(string Invoice, int Line), decimal> _returnedAbove = [];
    // What the first line of each order and invoice said, as the facts later lines get (not the line itself, which
    // would keep a line per document alive for the whole batch).
    private readonly Dictionary<string, OrderFacts> _firstOfOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrderFacts> _firstOfInvoice = new(StringComparer.Ordinal);
    private readonly HashSet<(string Invoice, int Line)> _invoiceLinesAbove = [];

    public IReadOnlyList<object?> FactsFor(JournalLine journalLine)
    {
        var line = (SalesReturnLine)journalLine;
        _lastClaim = null;
        return line.IsReturn ? [InvoiceLineOf(line), OrderOf(line, _firstOfOrder, line.OrderNo)] : [OriginalInvoiceLine.None, SaleOf(line)];
    }

    private OriginalInvoiceLine InvoiceLineOf(SalesReturnLine line)
    {
        var key = (line.InvoiceNo, line.InvoiceLineNo);
        var above = _returnedAbove.GetValueOrDefault(key);
        if (line.Quantity < 0)
        {
            _returnedAbove[key] = above - line.Quantity;
            _lastClaim = (line.Row, key, -line.Quantity);
        }
        var invoice = string.IsNullOrWhiteSpace(line.InvoiceNo) ? null : Invoice(line.InvoiceNo);
        if (invoice is null)
            return OriginalInvoiceLine.None;
        var invoiced = InvoiceLine(line.InvoiceNo, line.InvoiceLineNo);
        if (invoiced is null)
            return new OriginalInvoiceLine { InvoiceExists = true, InvoiceNo = invoice.InvoiceNo, CustomerNo = invoice.CustomerNo, PostingDate = invoice.PostingDate };
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
            ItemEntryNo = invoiced.ItemEntryNo,
        };
    }

    private OrderFacts SaleOf(SalesReturnLine line)
    {
        var invoice = string.IsNullOrWhiteSpace(line.InvoiceNo) ? null : Invoice(line.InvoiceNo);
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

    private static OrderFacts OrderOf(SalesReturnLine line, Dictionary<string, OrderFacts> firsts, string key)
    {
        if (string.IsNullOrWhiteSpace(key) || !firsts.TryGetValue(key, out var first))
        {
            if (!string.IsNullOrWhiteSpace(key))
                firsts[key] = new OrderFacts { FirstRow = line.Row, CustomerNoAbove = line.CustomerNo, PostingDateAbove = line.PostingDate, RmaNoAbove = line.RmaNo };
            return new OrderFacts();
        }
        return first;
    }
}
