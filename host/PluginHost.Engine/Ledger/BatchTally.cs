namespace PluginHost.Engine.Ledger;

/// <summary>
/// The rows a batch wrote per table, and the sums its report's totals show, counted as the batch writes them rather
/// than by a pass over every row of the batch after posting (docs/performance.md). Sums are of the stored (scaled)
/// figures, as SQL sums them, so they are exact and equal <c>BatchSummaryQueries</c>' counts and sums, which a
/// recorded batch's report still uses.
/// </summary>
internal sealed class BatchTally
{
    private int _items, _capacity, _customer, _project, _invoices, _creditNotes, _projectInvoices;
    private long _quantity, _runTime, _output, _amount, _billed, _unbilled;

    public void Item(long quantity) => (_items, _quantity) = (_items + 1, checked(_quantity + quantity));

    public void Capacity(long runTime, long output) => (_capacity, _runTime, _output) = (_capacity + 1, checked(_runTime + runTime), checked(_output + output));

    public void Customer(long amount) => (_customer, _amount) = (_customer + 1, checked(_amount + amount));

    public void Project(long billed, long unbilled) => (_project, _billed, _unbilled) = (_project + 1, checked(_billed + billed), checked(_unbilled + unbilled));

    public void Invoice() => _invoices++;

    public void CreditNote() => _creditNotes++;

    public void ProjectInvoice() => _projectInvoices++;

    public BatchCounts Counts => new(_items, _capacity, _customer, _project, _invoices, _creditNotes, _projectInvoices);

    public LedgerSums Sums => new(Scaled.Quantity(_quantity), Scaled.Quantity(_runTime), Scaled.Quantity(_output), Scaled.Amount(_amount), Scaled.Amount(_billed), Scaled.Amount(_unbilled));
}
