using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.ReturnCredit;

/// <summary>Turns the sales order lines of one invoice into the invoice, its lines, a customer entry and item entries Sale -Q.</summary>
internal sealed class SalesPosting(IPostingContext context)
{
    private readonly List<SalesInvoice> _invoices = [];
    private readonly List<SalesInvoiceLine> _lines = [];
    private readonly List<ItemLedgerEntry> _items = [];
    private readonly List<CustomerLedgerEntry> _customer = [];

    public PostingResult Result => new() { SalesInvoices = _invoices, SalesInvoiceLines = _lines, ItemEntries = _items, CustomerEntries = _customer };

    public void Invoice(IReadOnlyList<SalesReturnLine> lines)
    {
        var first = lines[0];
        var date = first.PostingDate!.Value;
        foreach (var line in lines)
        {
            var itemEntryNo = context.NextEntryNo(LedgerKind.Item);
            _items.Add(new ItemLedgerEntry
            {
                EntryNo = itemEntryNo, Batch = context.Batch, Row = line.Row, PostingDate = date, EntryType = ItemEntryType.Sale,
                DocumentNo = first.InvoiceNo, ItemNo = line.ItemNo, CustomerNo = first.CustomerNo,
                Quantity = -line.Quantity, RemainingQuantity = line.Quantity, Open = true,
            });
            _lines.Add(new SalesInvoiceLine
            {
                InvoiceNo = first.InvoiceNo, LineNo = line.InvoiceLineNo, Batch = context.Batch, Row = line.Row, ItemNo = line.ItemNo,
                Quantity = line.Quantity, UnitPrice = line.UnitPrice, Amount = line.Amount, ReturnedQuantity = 0, ItemEntryNo = itemEntryNo,
            });
        }
        var amount = lines.Sum(l => l.Amount);
        _invoices.Add(new SalesInvoice
        {
            InvoiceNo = first.InvoiceNo, Batch = context.Batch, Row = first.Row, OrderNo = first.OrderNo, CustomerNo = first.CustomerNo, PostingDate = date, Amount = amount,
        });
        _customer.Add(new CustomerLedgerEntry
        {
            EntryNo = context.NextEntryNo(LedgerKind.Customer), Batch = context.Batch, Row = first.Row, PostingDate = date, CustomerNo = first.CustomerNo,
            DocumentType = CustomerDocumentType.Invoice, DocumentNo = first.InvoiceNo, Amount = amount, RemainingAmount = amount,
        });
    }
}
