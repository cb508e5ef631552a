using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.ReturnCredit;

/// <summary>
/// Posts sales and returns journals after Dynamics 365 Finance: sales order lines as invoices, and received return
/// order lines as one credit note per return order, applied to the original invoices. Its checks live in
/// rules/return-credit.json.
/// </summary>
public sealed class ReturnCreditPlugin : IPostingPlugin, IPostsByDocument
{
    /// <summary>The number series of credit notes.</summary>
    public const string CreditNoteSeries = "CM";

    /// <inheritdoc />
    public string Name => "return-credit";

    /// <inheritdoc />
    public string Description => "Sales and returns: invoices sales order lines and credits received return orders against their original invoices (Dynamics 365 Finance).";

    /// <inheritdoc />
    public JournalSchema Schema { get; } = new(typeof(SalesReturnLine), ["Sales and Returns", "Return Orders", "Sales Orders", "Försäljning och returer", "Salg og returer"])
    {
        SheetNameByLanguage = new Dictionary<string, string> { ["en"] = "Sales and Returns", ["sv"] = "Försäljning och returer", ["nb"] = "Salg og returer" },
    };

    /// <inheritdoc />
    public IReadOnlyList<RuleInput> RuleInputs { get; } =
    [
        new("line", typeof(SalesReturnLine), "the journal line"),
        new("invoiceLine", typeof(OriginalInvoiceLine), "for a returned order line: the original invoice line, with what can still be returned"),
        new("order", typeof(OrderFacts), "the line's order and invoice as the rows above and the ledger know them"),
    ];

    /// <inheritdoc />
    public IBatchFacts BeginBatch(ILedgerReader ledger) => new ReturnCreditFacts(ledger);

    /// <summary>A sale line belongs to its invoice, a return line to its return order (one credit note each).</summary>
    public string DocumentOf(JournalLine line) => ((SalesReturnLine)line).DocumentName;

    /// <inheritdoc />
    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context)
    {
        var sales = new SalesPosting(context);
        var returns = new ReturnPosting(context);
        foreach (var invoice in lines.Where(l => ((SalesReturnLine)l.Line).IsSale).GroupBy(l => ((SalesReturnLine)l.Line).InvoiceNo, StringComparer.Ordinal))
            sales.Invoice(invoice.Select(l => (SalesReturnLine)l.Line).ToList());
        foreach (var order in lines.Where(l => ((SalesReturnLine)l.Line).IsReturn).GroupBy(l => ((SalesReturnLine)l.Line).OrderNo, StringComparer.Ordinal))
            returns.CreditNote(order.Select(l => ((SalesReturnLine)l.Line, (OriginalInvoiceLine)l.Facts[0]!)).ToList());
        return sales.Result.Combine(returns.Result);
    }
}
