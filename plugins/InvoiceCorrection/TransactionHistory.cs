using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// A transaction's actuals over its whole chain of invoices: the original invoice and every corrective invoice that
/// corrected the line since, found by following Corrects Invoice No. back from the invoice a correction names.
/// </summary>
internal static class TransactionHistory
{
    private const int MaxHops = 1000;

    /// <summary>
    /// For each line (an invoice and line number, the invoice as posted), the actuals of the same line number on the
    /// invoices before it in its chain, oldest first; one pair of look-ups per hop for all lines at once.
    /// </summary>
    public static Dictionary<(string InvoiceNo, int LineNo), List<ProjectActual>> EarlierActuals(
        IEnumerable<((string InvoiceNo, int LineNo) Line, ProjectInvoice Invoice)> lines,
        Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, ProjectInvoice>> findInvoices,
        Func<IReadOnlyCollection<(string InvoiceNo, int LineNo)>, IReadOnlyDictionary<(string InvoiceNo, int LineNo), IReadOnlyList<ProjectActual>>> actualsOf)
    {
        var earlier = new Dictionary<(string InvoiceNo, int LineNo), List<ProjectActual>>();
        var current = new Dictionary<(string InvoiceNo, int LineNo), string>();
        foreach (var (line, invoice) in lines)
        {
            earlier[line] = [];
            if (invoice.CorrectsInvoiceNo is { } corrects)
                current[line] = corrects;
        }
        for (var hops = 0; hops < MaxHops && current.Count > 0; hops++)
        {
            var invoices = findInvoices(current.Values.ToHashSet(StringComparer.Ordinal));
            var actuals = actualsOf(current.Select(c => (c.Value, c.Key.LineNo)).ToHashSet());
            var next = new Dictionary<(string InvoiceNo, int LineNo), string>();
            foreach (var (line, invoiceNo) in current)
            {
                earlier[line].InsertRange(0, actuals.GetValueOrDefault((invoiceNo, line.LineNo)) ?? []);
                if (invoices.GetValueOrDefault(invoiceNo)?.CorrectsInvoiceNo is { } corrects)
                    next[line] = corrects;
            }
            current = next;
        }
        return earlier;
    }

    /// <summary>
    /// The transaction as it stands after all its actuals (oldest first): the billed actual standing, the unbilled ones
    /// standing, and the fields of the original transaction (type, resource, date, price), which corrections keep.
    /// </summary>
    public static CorrectedLine Standing(IReadOnlyList<ProjectActual> actuals, ProjectInvoice invoice, bool lineOnInvoice, string latestCorrection, bool correctedAbove)
    {
        var reversed = actuals.Where(a => a.ReversesActualId is not null).Select(a => a.ReversesActualId!.Value).ToHashSet();
        bool Standing(ProjectActual a) => a.Quantity > 0 && a.ReversesActualId is null && !reversed.Contains(a.ActualId);
        var billed = actuals.LastOrDefault(a => a.ActualType == ProjectActualType.BilledSales && Standing(a));
        var unbilled = actuals.Where(a => a.ActualType == ProjectActualType.UnbilledSales && Standing(a)).ToList();
        var original = actuals.FirstOrDefault();
        return new CorrectedLine
        {
            InvoiceExists = true,
            InvoiceStatus = invoice.Status,
            ProjectNo = invoice.ProjectNo,
            CustomerNo = invoice.CustomerNo,
            LineExists = lineOnInvoice,
            TransactionType = original?.TransactionType ?? "",
            Resource = original?.Resource ?? "",
            Date = original?.Date,
            UnitPrice = original?.UnitPrice ?? 0,
            BilledActual = billed,
            BilledActualId = billed?.ActualId ?? 0,
            BilledQuantity = billed?.Quantity ?? 0,
            BilledAmount = billed?.Amount ?? 0,
            Unbilled = unbilled,
            UnbilledQuantity = unbilled.Sum(a => a.Quantity),
            LatestCorrection = latestCorrection,
            CorrectedAbove = correctedAbove,
        };
    }
}
