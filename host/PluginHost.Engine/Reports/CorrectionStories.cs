using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Engine.Reports;

/// <summary>
/// The story of each correction in a batch: the entry or line it corrects, the correction itself, and what stands
/// after it. Read at posting time inside the batch's transaction, so "after" is the position this batch left.
/// </summary>
public static class CorrectionStories
{
    /// <summary>One story per reversal, credit note line or corrected invoice line read (the first of the batch, up to the report's limit).</summary>
    public static IReadOnlyList<CorrectionView> Tell(CorrectionEntries entries, ILedgerReader ledger, ReportLanguage lang)
    {
        var c = lang.Culture;
        string Q(decimal v) => ReportFormat.Quantity(v, c);
        string A(decimal v) => ReportFormat.Amount(v, c);
        string Say(string label, params object[] values) => lang.Format(label, values);
        var stories = new List<CorrectionView>();

        var reversals = entries.Reversals;
        // The capacity entry of each reversal told, found in one pass rather than a search of the batch per reversal.
        var told = reversals.Select(r => r.EntryNo).ToHashSet();
        var runOf = new Dictionary<long, CapacityLedgerEntry>();
        foreach (var run in entries.ReversalRuns.Where(e => told.Contains(e.ItemEntryNo)))
            runOf.TryAdd(run.ItemEntryNo, run);
        foreach (var reversal in reversals)
        {
            if (ledger.FindItemEntry(reversal.AppliesToEntry!.Value) is not { } original)
                continue;
            var originalRun = ledger.FindCapacityEntryOfItemEntry(original.EntryNo);
            var reversalRun = runOf.GetValueOrDefault(reversal.EntryNo);
            var netRun = originalRun is null ? 0m : originalRun.RunTime - ledger.ReversedRunTime(originalRun.EntryNo);
            stories.Add(new CorrectionView(reversal.Row, reversal.DocumentNo,
                Say("Story.Output", original.EntryNo, original.DocumentNo, original.ItemNo, Q(original.Quantity), Q(originalRun?.RunTime ?? 0m)),
                Say("Story.Output", reversal.EntryNo, reversal.DocumentNo, reversal.ItemNo, Q(reversal.Quantity), Q(reversalRun?.RunTime ?? 0m)),
                Say("Story.OutputNet", Q(original.RemainingQuantity), Q(netRun), lang[original.Open ? "Yes" : "No"])));
        }

        foreach (var line in entries.CreditNoteLines)
        {
            if (ledger.FindSalesInvoiceLine(line.InvoiceNo, line.InvoiceLineNo) is not { } invoiced)
                continue;
            var open = ledger.FindCustomerEntry(CustomerDocumentType.Invoice, line.InvoiceNo)?.RemainingAmount ?? 0m;
            stories.Add(new CorrectionView(line.Row, line.CreditNoteNo,
                Say("Story.Line", line.InvoiceNo, line.InvoiceLineNo, invoiced.ItemNo, Q(invoiced.Quantity), A(invoiced.UnitPrice), A(invoiced.Amount)),
                Say("Story.Line", line.CreditNoteNo, line.LineNo, line.ItemNo, Q(line.Quantity), A(line.UnitPrice), A(line.Amount)),
                Say("Story.ReturnNet", Q(invoiced.ReturnedQuantity), Q(invoiced.Quantity), line.InvoiceNo, A(open))));
        }

        var corrections = entries.ProjectCorrections.GroupBy(a => (a.InvoiceNo, a.InvoiceLineNo));
        foreach (var group in corrections)
        {
            // What the correction took back is its billed reversal; the unbilled actuals it reverses (the one paired with
            // the new billed quantity, a remainder billed again) are told in the unbilled net.
            var reversed = group.Where(a => a.ReversesActualId is not null && a.ActualType == ProjectActualType.BilledSales).ToList();
            var correctsInvoice = entries.CorrectiveInvoices.FirstOrDefault(i => i.InvoiceNo == group.Key.InvoiceNo)?.CorrectsInvoiceNo;
            var originals = correctsInvoice is null ? [] : ledger.ProjectActualsOf(correctsInvoice, group.Key.InvoiceLineNo)
                .Where(a => reversed.Any(r => r.ReversesActualId == a.ActualId)).ToList();
            var billed = group.Where(a => a.ActualType == ProjectActualType.BilledSales && a.ReversesActualId is null).ToList();
            var unbilled = group.Where(a => a.ActualType == ProjectActualType.UnbilledSales).ToList();
            stories.Add(new CorrectionView(group.First().Row, group.Key.InvoiceNo,
                Say("Story.Project", correctsInvoice ?? "", group.Key.InvoiceLineNo, Q(originals.Sum(a => a.Quantity)), A(originals.Sum(a => a.Amount))),
                Say("Story.ProjectCorrection", Q(reversed.Sum(a => a.Quantity)), A(reversed.Sum(a => a.Amount)), Q(billed.Sum(a => a.Quantity)), A(billed.Sum(a => a.Amount)), Q(unbilled.Sum(a => a.Quantity)), A(unbilled.Sum(a => a.Amount))),
                Say("Story.ProjectNet", group.Key.InvoiceNo, A(billed.Sum(a => a.Amount)), A(unbilled.Sum(a => a.Amount)))));
        }
        return stories;
    }
}

/// <summary>A correction as told: where it came from (row, document), what it corrects, what it posted, and what stands after it.</summary>
public sealed record CorrectionView(int Row, string Document, string Original, string Correction, string NetAfter);
