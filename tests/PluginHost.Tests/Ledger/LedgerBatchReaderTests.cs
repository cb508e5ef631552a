using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Ledger;

/// <summary>The batch look-ups a plugin may prefetch with answer, key by key, what the single look-ups answer.</summary>
public sealed class LedgerBatchReaderTests : TempFolderTest
{
    [Fact]
    public void BatchLookUpsAnswerAsTheSingleLookUpsForEveryKeyIncludingMissingOnes()
    {
        var db = Temp.File("ledger.db");
        Assert.Equal(PostingStatus.Posted, TestHost.Post(db, OutputJournal.New().Output(10, 120, document: "OUT-1").Output(5, 30, prodOrder: "PO-2", item: "ITEM-2", document: "OUT-2")
            .Output(7, 70, document: "OUT-3").WriteTo(Temp.File("originals.xlsx"))).Status);
        Assert.Equal(PostingStatus.Posted, TestHost.Post(db, OutputJournal.New().Reversal(1, -4, -48).Reversal(1, -1, -2, document: "REV-2")
            .Reversal(2, -5, -30, prodOrder: "PO-2", item: "ITEM-2", document: "REV-3").WriteTo(Temp.File("reversals.xlsx"))).Status);

        using var store = LedgerStore.Open(db);
        using var transaction = store.BeginBatch();
        var single = transaction.Reader;
        var batch = Assert.IsAssignableFrom<ILedgerBatchReader>(single);
        long[] keys = [1, 2, 3, 4, 99, 1];

        var items = batch.FindItemEntries(keys);
        var capacity = batch.FindCapacityEntriesOfItemEntries(keys);
        var reversed = batch.ReversedRunTimes(keys);

        Assert.Equal([1L, 2, 3, 4], items.Keys.Order());
        Assert.Equal([1L, 2, 3, 4], capacity.Keys.Order());
        foreach (var key in keys)
        {
            Assert.Equal(single.FindItemEntry(key), items.GetValueOrDefault(key));
            Assert.Equal(single.FindCapacityEntryOfItemEntry(key), capacity.GetValueOrDefault(key));
            Assert.Equal(single.ReversedRunTime(key), reversed.GetValueOrDefault(key));
        }
        Assert.Equal(50m, reversed[1]);
        Assert.Equal(30m, reversed[2]);
        Assert.False(reversed.ContainsKey(3));
    }

    private void Posted(string db, string workbook)
    {
        var outcome = TestHost.Post(db, workbook);
        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
    }

    [Fact]
    public void SalesBatchLookUpsAnswerAsTheSingleLookUpsForPresentAndMissingKeys()
    {
        var db = Temp.File("ledger.db");
        const string odd = "INV-\"\\ 😀 é";
        Posted(db, SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).Sale("INV-1", 2, 30, 0.10m, item: "ITEM-2").Sale("INV-2", 1, 5, 7m, order: "SO-2")
            .Sale(odd, 1, 3, 1m, order: "SO-3").WriteTo(Temp.File("sales.xlsx")));
        Posted(db, SalesJournal.New().Return("INV-1", 1, -2, 19.99m).Return("INV-1", 2, -3, 0.10m, item: "ITEM-2").Return(odd, 1, -1, 1m).WriteTo(Temp.File("returns-1.xlsx")));
        Posted(db, SalesJournal.New().Return("INV-1", 1, -1, 19.99m, order: "RO-2", rma: "RMA-2").WriteTo(Temp.File("returns-2.xlsx")));

        using var store = LedgerStore.Open(db);
        using var transaction = store.BeginBatch();
        var single = transaction.Reader;
        var batch = Assert.IsAssignableFrom<ILedgerBatchReader>(single);
        string[] invoiceNos = ["INV-1", "INV-2", odd, "INV-404", "", " ", "inv-1", "INV-1\t", "INV-1\0", "INV-1"];
        (string, int)[] lines = [("INV-1", 1), ("INV-1", 2), ("INV-1", 3), ("INV-2", 1), (odd, 1), ("INV-404", 1), ("INV-1", 1)];
        (string, string, int)[] credits = [("RO-1", "INV-1", 1), ("RO-1", "INV-1", 2), ("RO-2", "INV-1", 1), ("RO-2", "INV-1", 2), ("RO-9", "INV-1", 1), ("RO-1", "INV-2", 1), ("RO-1", odd, 1)];

        var invoices = batch.FindSalesInvoices(invoiceNos);
        var invoiceLines = batch.FindSalesInvoiceLines(lines);
        var creditLines = batch.CreditNoteLinesForInvoiceLines(credits);

        Assert.Equal([odd, "INV-1", "INV-2"], invoices.Keys.Order(StringComparer.Ordinal));
        foreach (var invoiceNo in invoiceNos)
            Assert.Equal(single.FindSalesInvoice(invoiceNo), invoices.GetValueOrDefault(invoiceNo));
        Assert.Equal(4, invoiceLines.Count);
        foreach (var (invoiceNo, lineNo) in lines)
            Assert.Equal(single.FindSalesInvoiceLine(invoiceNo, lineNo), invoiceLines.GetValueOrDefault((invoiceNo, lineNo)));
        Assert.Equal(4, creditLines.Count);
        foreach (var (orderNo, invoiceNo, lineNo) in credits)
            Assert.Equal(single.CreditNoteLinesFor(orderNo, invoiceNo, lineNo), creditLines.GetValueOrDefault((orderNo, invoiceNo, lineNo)) ?? []);
        Assert.Equal(-1m, Assert.Single(creditLines[("RO-2", "INV-1", 1)]).Quantity);
        Assert.Empty(batch.FindSalesInvoices([]));
    }

    [Fact]
    public void ProjectBatchLookUpsAnswerAsTheSingleLookUpsForPresentAndMissingKeys()
    {
        var db = Temp.File("ledger.db");
        Posted(db, ProjectJournal.New().Line("INV-1", 1, 8, 200m).Line("INV-1", 2, 4, 100m).Line("INV-2", 1, 2, 50m).WriteTo(Temp.File("invoices.xlsx")));
        Posted(db, ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6).WriteTo(Temp.File("correction-1.xlsx")));
        Posted(db, ProjectJournal.New().Correction("INV-1D", "INV-1", 2, 3).WriteTo(Temp.File("correction-2.xlsx")));
        Posted(db, ProjectJournal.New().Correction("INV-1E", "INV-1C", 1, 5).WriteTo(Temp.File("correction-3.xlsx")));

        using var store = LedgerStore.Open(db);
        using var transaction = store.BeginBatch();
        var single = transaction.Reader;
        var batch = Assert.IsAssignableFrom<ILedgerBatchReader>(single);
        string[] invoiceNos = ["INV-1", "INV-1C", "INV-1D", "INV-1E", "INV-2", "INV-404", "", "INV-1"];
        (string, int)[] lines = [("INV-1", 1), ("INV-1", 2), ("INV-1", 3), ("INV-1C", 1), ("INV-1C", 2), ("INV-1E", 1), ("INV-2", 1), ("INV-404", 1), ("INV-1", 1)];

        var invoices = batch.FindProjectInvoices(invoiceNos);
        var actuals = batch.ProjectActualsOfLines(lines);
        var corrections = batch.CorrectionsOfInvoices(invoiceNos);

        Assert.Equal(["INV-1", "INV-1C", "INV-1D", "INV-1E", "INV-2"], invoices.Keys.Order(StringComparer.Ordinal));
        foreach (var invoiceNo in invoiceNos)
        {
            Assert.Equal(single.FindProjectInvoice(invoiceNo), invoices.GetValueOrDefault(invoiceNo));
            Assert.Equal(single.CorrectionsOf(invoiceNo), corrections.GetValueOrDefault(invoiceNo) ?? []);
        }
        Assert.Equal(["INV-1C", "INV-1D"], corrections["INV-1"].Select(c => c.InvoiceNo));
        Assert.Equal(["INV-1E"], corrections["INV-1C"].Select(c => c.InvoiceNo));
        Assert.Equal(2, corrections.Count);
        foreach (var (invoiceNo, lineNo) in lines)
            Assert.Equal(single.ProjectActualsOf(invoiceNo, lineNo), actuals.GetValueOrDefault((invoiceNo, lineNo)) ?? []);
        Assert.Equal(5, actuals[("INV-1C", 1)].Count); // the reversal of INV-1's, unbilled, its reversal, billed, unbilled: oldest first
        Assert.Equal(actuals[("INV-1C", 1)].Select(a => a.ActualId).Order(), actuals[("INV-1C", 1)].Select(a => a.ActualId));
        Assert.Equal(5, actuals.Count);
    }
}
