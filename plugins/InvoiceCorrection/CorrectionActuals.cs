using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// The actuals one corrected invoice line posts, after Project Operations' "Actuals created when a corrective invoice
/// is confirmed", so that for every transaction, after any chain of corrections, billed net is its latest corrected
/// quantity and unbilled net what was delivered less that, never counted twice:
/// <list type="bullet">
/// <item>full credit (0): the billed actual reversed and an unbilled actual for its quantity and amount (chargeable
/// unless the line says Non-chargeable); a milestone gets no unbilled actual (it is ready to invoice again);</item>
/// <item>partial credit: the billed actual reversed; for the corrected quantity an unbilled chargeable actual, its
/// reversal and an equivalent billed actual; then an unbilled actual for the rest (none for a fee);</item>
/// <item>raise: the billed actual reversed, the unbilled actuals standing reversed oldest first up to the raise (as
/// when unbilled actuals are invoiced; what one of them keeps beyond the raise stays unbilled as a new actual), and
/// the corrected quantity billed.</item>
/// </list>
/// Every new actual keeps the transaction's project, type, resource, date and price; an unchanged quantity posts nothing.
/// </summary>
internal sealed class CorrectionActuals(ProjectInvoiceLine line, CorrectedLine corrected, IPostingContext context)
{
    public IEnumerable<ProjectActual> Post()
    {
        var (quantity, billed) = (line.Quantity, corrected.BilledQuantity);
        if (quantity == billed)
            yield break;
        if (corrected.BilledActual is { } standing)
            yield return Reversal(standing);
        if (quantity < billed)
        {
            foreach (var actual in Credit(quantity, billed))
                yield return actual;
        }
        else
        {
            foreach (var actual in BillUnbilled(quantity - billed))
                yield return actual;
            yield return New(ProjectActualType.BilledSales, quantity, Value(quantity), chargeable: true);
        }
    }

    private IEnumerable<ProjectActual> Credit(decimal quantity, decimal billed)
    {
        var type = corrected.TransactionType;
        if (quantity == 0)
        {
            if (type != "Milestone")
                yield return New(ProjectActualType.UnbilledSales, billed, corrected.BilledAmount, chargeable: !line.NonChargeable);
            yield break;
        }
        var amount = Value(quantity);
        var unbilled = New(ProjectActualType.UnbilledSales, quantity, amount, chargeable: true);
        yield return unbilled;
        yield return Reversal(unbilled);
        yield return New(ProjectActualType.BilledSales, quantity, amount, chargeable: true);
        // The rest is the amount taken off, not its own rounding of quantity times price, so that billed and unbilled
        // still add up to the cent to what was billed before.
        if (type != "Fee")
            yield return New(ProjectActualType.UnbilledSales, billed - quantity, corrected.BilledAmount - amount, chargeable: !line.NonChargeable);
    }

    private IEnumerable<ProjectActual> BillUnbilled(decimal raise)
    {
        var left = Math.Min(raise, corrected.UnbilledQuantity);
        foreach (var unbilled in corrected.Unbilled)
        {
            if (left <= 0)
                yield break;
            yield return Reversal(unbilled);
            if (unbilled.Quantity > left)
            {
                // What stays unbilled keeps its share of the reversed actual's own amount, so it lies between nothing and
                // that amount whatever the rounding of a price with many units (0.6 at 0.01 was 0.00).
                var rest = unbilled.Quantity - left;
                yield return New(ProjectActualType.UnbilledSales, rest, Math.Round(unbilled.Amount * rest / unbilled.Quantity, 2, MidpointRounding.AwayFromZero), unbilled.Chargeable);
            }
            left -= unbilled.Quantity;
        }
    }

    private decimal Value(decimal quantity) => Math.Round(quantity * corrected.UnitPrice, 2, MidpointRounding.AwayFromZero);

    /// <summary>Takes back exactly what an actual posted, on the corrective invoice.</summary>
    private ProjectActual Reversal(ProjectActual actual) => actual with
    {
        ActualId = context.NextEntryNo(LedgerKind.Project), Batch = context.Batch, Row = line.Row, InvoiceNo = line.InvoiceNo, InvoiceLineNo = line.LineNo,
        Quantity = -actual.Quantity, Amount = -actual.Amount, ReversesActualId = actual.ActualId, Correction = true,
    };

    private ProjectActual New(ProjectActualType type, decimal quantity, decimal amount, bool chargeable) => new()
    {
        ActualId = context.NextEntryNo(LedgerKind.Project),
        Batch = context.Batch,
        Row = line.Row,
        ProjectNo = corrected.ProjectNo,
        InvoiceNo = line.InvoiceNo,
        InvoiceLineNo = line.LineNo,
        TransactionType = corrected.TransactionType,
        Resource = corrected.Resource,
        Date = corrected.Date!.Value,
        Quantity = quantity,
        UnitPrice = corrected.UnitPrice,
        Amount = amount,
        ActualType = type,
        Chargeable = chargeable,
        Correction = true,
    };
}
