namespace PluginHost.Tests.Robustness;

/// <summary>
/// The simplest account of what the three plugins should leave in the ledgers: quantities and amounts per document,
/// nothing else. The property tests post random sequences for real and compare the ledgers' sums with this.
/// </summary>
public sealed class LedgerModel
{
    /// <summary>An output entry as the model knows it: the entry number the ledger gave it, and what is left of it.</summary>
    public sealed record Output(long EntryNo, decimal Quantity)
    {
        public decimal Remaining { get; set; } = Quantity;

        public string ProdOrderNo { get; init; } = "";
    }

    /// <summary>A sales invoice line: how much was invoiced, at what price, and how much came back.</summary>
    public sealed record SaleLine(string InvoiceNo, int LineNo, decimal Quantity, decimal UnitPrice)
    {
        public decimal Returned { get; set; }
    }

    /// <summary>
    /// A confirmed project invoice (time lines) and its corrections: per line, the invoice that corrected it last, what is
    /// billed, and what was delivered (the most ever billed); the rest of what was delivered is unbilled.
    /// </summary>
    public sealed class ProjectChain(string originalNo, decimal unitPrice, List<decimal> quantities)
    {
        public string OriginalNo { get; } = originalNo;

        public List<string> LatestNo { get; } = [.. quantities.Select(_ => originalNo)];

        public decimal UnitPrice { get; } = unitPrice;

        public List<decimal> Billed { get; } = quantities;

        public List<decimal> Delivered { get; } = [.. quantities];
    }

    public List<Output> Outputs { get; } = [];

    public decimal OutputRunTime { get; set; }

    public List<SaleLine> SaleLines { get; } = [];

    public List<ProjectChain> Projects { get; } = [];

    public decimal Unbilled => Projects.Sum(p => p.Delivered.Zip(p.Billed, (delivered, billed) => delivered - billed).Sum() * p.UnitPrice);

    public int PostedBatches { get; set; }

    public decimal OutputQuantity => Outputs.Sum(o => o.Remaining);

    /// <summary>Sale entries carry the sold quantity negative, returns positive: what is still out at customers, negated.</summary>
    public decimal SaleQuantity => -SaleLines.Sum(l => l.Quantity - l.Returned);

    /// <summary>Invoices less credit notes: the customers' balance, and equally the invoices' open amounts.</summary>
    public decimal CustomerBalance => SaleLines.Sum(l => (l.Quantity - l.Returned) * l.UnitPrice);

    public decimal Billed => Projects.Sum(p => p.Billed.Sum() * p.UnitPrice);
}
