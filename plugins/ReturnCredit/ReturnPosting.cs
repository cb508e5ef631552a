using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.ReturnCredit;

/// <summary>
/// Turns the lines of one return order posted together into one credit note: negative lines and total, item entries
/// Sale +Q applied to the original sale entries and open with remaining Q (the goods are back in stock), the invoice
/// lines' returned quantities raised, and per original invoice a customer entry for the negative amount applied to that
/// invoice. Goods that arrive in parts are credited by as many credit notes for the one return order.
/// </summary>
internal sealed class ReturnPosting(IPostingContext context)
{
    private readonly List<CreditNote> _notes = [];
    private readonly List<CreditNoteLine> _lines = [];
    private readonly List<ItemLedgerEntry> _items = [];
    private readonly List<ItemApplication> _itemApplications = [];
    private readonly List<CustomerLedgerEntry> _customer = [];
    private readonly List<CustomerApplication> _customerApplications = [];
    private readonly List<InvoiceLineReturn> _returns = [];

    public PostingResult Result => new()
    {
        CreditNotes = _notes, CreditNoteLines = _lines, ItemEntries = _items, ItemApplications = _itemApplications,
        CustomerEntries = _customer, CustomerApplications = _customerApplications, InvoiceLineReturns = _returns,
    };

    /// <summary>
    /// The credit of a returned quantity, rounded cumulatively: what the line's quantity adds to all returns of the invoice
    /// line before it (round(price * (before + returned)) - round(price * before)), so that returning an invoice line
    /// in parts never credits more, nor less, than returning it at once: 0.5 + 0.5 at 10.01 credits 5.01 + 5.00.
    /// </summary>
    private static decimal CreditAmount(SalesReturnLine line, OriginalInvoiceLine original)
    {
        var before = original.ReturnedInLedger + original.ReturnedByEarlierLines;
        decimal Value(decimal quantity) => Math.Round(quantity * line.UnitPrice, 2, MidpointRounding.AwayFromZero);
        return -(Value(before + line.ReturnedQuantity) - Value(before));
    }

    public void CreditNote(IReadOnlyList<(SalesReturnLine Line, OriginalInvoiceLine Original)> lines)
    {
        var first = lines[0].Line;
        var date = first.PostingDate!.Value;
        var number = context.NextDocumentNo(ReturnCreditPlugin.CreditNoteSeries);
        var lineNo = 0;
        var amounts = new Dictionary<SalesReturnLine, decimal>(ReferenceEqualityComparer.Instance);
        foreach (var (line, original) in lines)
            amounts[line] = CreditAmount(line, original);
        foreach (var (line, original) in lines)
        {
            var itemEntryNo = context.NextEntryNo(LedgerKind.Item);
            _items.Add(new ItemLedgerEntry
            {
                EntryNo = itemEntryNo, Batch = context.Batch, Row = line.Row, PostingDate = date, EntryType = ItemEntryType.Sale,
                DocumentNo = number, ItemNo = line.ItemNo, CustomerNo = line.CustomerNo,
                Quantity = line.ReturnedQuantity, RemainingQuantity = line.ReturnedQuantity, Open = true, AppliesToEntry = original.ItemEntryNo,
            });
            _itemApplications.Add(new ItemApplication(original.ItemEntryNo, line.ReturnedQuantity, line.Row));
            _returns.Add(new InvoiceLineReturn(original.InvoiceNo, original.LineNo, line.ReturnedQuantity, line.Row));
            _lines.Add(new CreditNoteLine
            {
                CreditNoteNo = number, LineNo = ++lineNo, Batch = context.Batch, Row = line.Row, InvoiceNo = original.InvoiceNo, InvoiceLineNo = original.LineNo,
                ItemNo = line.ItemNo, Quantity = line.Quantity, UnitPrice = line.UnitPrice, Amount = amounts[line],
                ReasonCode = string.IsNullOrWhiteSpace(line.ReturnReason) ? null : line.ReturnReason, ItemEntryNo = itemEntryNo,
            });
        }
        _notes.Add(new CreditNote
        {
            CreditNoteNo = number, Batch = context.Batch, Row = first.Row, ReturnOrderNo = first.OrderNo, RmaNo = first.RmaNo,
            CustomerNo = first.CustomerNo, PostingDate = date, Amount = lines.Sum(l => amounts[l.Line]),
        });
        foreach (var invoice in lines.GroupBy(l => l.Original.InvoiceNo, StringComparer.Ordinal))
        {
            var amount = invoice.Sum(l => amounts[l.Line]);
            var row = invoice.First().Line.Row;
            _customer.Add(new CustomerLedgerEntry
            {
                EntryNo = context.NextEntryNo(LedgerKind.Customer), Batch = context.Batch, Row = row, PostingDate = date, CustomerNo = first.CustomerNo,
                DocumentType = CustomerDocumentType.CreditMemo, DocumentNo = number, Amount = amount, RemainingAmount = 0,
                AppliesToDocumentNo = invoice.Key, RmaNo = first.RmaNo,
                ReasonCode = string.Join(", ", invoice.Select(l => l.Line.ReturnReason).Where(r => !string.IsNullOrWhiteSpace(r)).Distinct()) is { Length: > 0 } reasons ? reasons : null,
            });
            if (amount < 0)
                _customerApplications.Add(new CustomerApplication(invoice.Key, -amount, row));
        }
    }
}
