using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>Looks up the invoice line each correction corrects, and keeps what the rows above already said about each invoice.</summary>
internal sealed class InvoiceCorrectionFacts(ILedgerReader ledger) : IBatchFacts
{
    private readonly Dictionary<string, ProjectInvoiceLine> _firstOfInvoice = new(StringComparer.Ordinal);
    private readonly HashSet<(string Invoice, int Line)> _linesAbove = [];
    private readonly HashSet<(string Invoice, int Line)> _correctedAbove = [];

    public IReadOnlyList<object?> FactsFor(JournalLine journalLine)
    {
        var line = (ProjectInvoiceLine)journalLine;
        var corrected = line.IsCorrection ? CorrectedLineOf(line) : CorrectedLine.None;
        return [corrected, InvoiceOf(line)];
    }

    private CorrectedLine CorrectedLineOf(ProjectInvoiceLine line)
    {
        var above = !_correctedAbove.Add((line.CorrectsInvoiceNo, line.LineNo));
        var invoice = ledger.FindProjectInvoice(line.CorrectsInvoiceNo);
        if (invoice is null)
            return new CorrectedLine { CorrectedAbove = above };
        var actuals = ledger.ProjectActualsOf(invoice.InvoiceNo, line.LineNo);
        var billed = actuals.LastOrDefault(a => a.ActualType == ProjectActualType.BilledSales && a.Quantity > 0 && a.ReversesActualId is null);
        return new CorrectedLine
        {
            InvoiceExists = true,
            InvoiceStatus = invoice.Status,
            ProjectNo = invoice.ProjectNo,
            CustomerNo = invoice.CustomerNo,
            LineExists = actuals.Count > 0,
            TransactionType = actuals.FirstOrDefault()?.TransactionType ?? "",
            Resource = billed?.Resource ?? actuals.FirstOrDefault()?.Resource ?? "",
            BilledQuantity = billed?.Quantity ?? 0,
            BilledAmount = billed?.Amount ?? 0,
            UnitPrice = actuals.FirstOrDefault()?.UnitPrice ?? 0,
            BilledActualId = billed?.ActualId ?? 0,
            LatestCorrection = LatestCorrectionOf(invoice.InvoiceNo, line.LineNo),
            CorrectedAbove = above,
        };
    }

    /// <summary>Follows the corrective invoices that took over a line, to the last; empty when the line was never corrected.</summary>
    private string LatestCorrectionOf(string invoiceNo, int lineNo)
    {
        var latest = "";
        var current = invoiceNo;
        for (var hops = 0; hops < 1000; hops++)
        {
            var next = ledger.CorrectionsOf(current).LastOrDefault(c => ledger.ProjectActualsOf(c.InvoiceNo, lineNo).Count > 0);
            if (next is null)
                return latest;
            latest = current = next.InvoiceNo;
        }
        return latest;
    }

    private InvoiceFacts InvoiceOf(ProjectInvoiceLine line)
    {
        var posted = string.IsNullOrWhiteSpace(line.InvoiceNo) ? null : ledger.FindProjectInvoice(line.InvoiceNo);
        var lineAbove = !_linesAbove.Add((line.InvoiceNo, line.LineNo));
        if (string.IsNullOrWhiteSpace(line.InvoiceNo) || !_firstOfInvoice.TryGetValue(line.InvoiceNo, out var first))
        {
            if (!string.IsNullOrWhiteSpace(line.InvoiceNo))
                _firstOfInvoice[line.InvoiceNo] = line;
            return new InvoiceFacts { AlreadyPosted = posted is not null, PostedInBatch = posted?.Batch ?? 0, LineUsedAbove = lineAbove };
        }
        return new InvoiceFacts
        {
            AlreadyPosted = posted is not null, PostedInBatch = posted?.Batch ?? 0, LineUsedAbove = lineAbove, FirstRow = first.Row,
            ProjectNoAbove = first.ProjectNo, CustomerNoAbove = first.CustomerNo, CorrectsInvoiceNoAbove = first.CorrectsInvoiceNo,
        };
    }
}
