using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Posting;

/// <summary>
/// A journal longer than one chunk (<see cref="PostingPipeline.ChunkLines"/>) is posted while it is read, a chunk at a time
/// in one transaction: by output-reversal line by line, by invoice-correction whole invoices at a time. Its lines must be
/// checked and posted exactly as if they were posted at once.
/// </summary>
public sealed class ChunkedPostingTests : TempFolderTest
{
    private readonly string _db;

    public ChunkedPostingTests() => _db = Temp.File("ledger.db");

    private const int Filler = PostingPipeline.ChunkLines + 10;

    /// <summary>One output line, then enough filler output that the next line falls in a later chunk.</summary>
    private static OutputJournal WithFiller(OutputJournal journal)
    {
        for (var i = 0; i < Filler; i++)
            journal.Output(1, 1, document: $"FILL-{i:D5}");
        return journal;
    }

    private PostingOutcome Post(OutputJournal journal, string name) => TestHost.Post(_db, journal.WriteTo(Temp.File(name)));

    private void PostOriginal() =>
        Assert.Equal(PostingStatus.Posted, Post(OutputJournal.New().Output(10, 100, document: "OUT-1"), "original.xlsx").Status);

    private (int Items, decimal Remaining, int Batches) Ledger()
    {
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        var items = store.ItemEntries();
        return (items.Count, items[0].RemainingQuantity, store.Batches().Count);
    }

    [Fact]
    public void ReversalsOfOneEntryInTwoChunksAreCheckedAgainstTheLedgerAsItStoodBeforeTheBatch()
    {
        PostOriginal();
        // 4 reversed in the first chunk, 6 in a later one: 10 in all, exactly what the entry has. Were the later line checked
        // against what the first chunk already wrote (6 left) as well as against the first line's claim (4), it would be refused.
        var journal = WithFiller(OutputJournal.New().Reversal(appliesTo: 1, quantity: -4, runTime: -40, document: "REV-1"))
            .Reversal(appliesTo: 1, quantity: -6, runTime: -60, document: "REV-2");

        var outcome = Post(journal, "two-chunks.xlsx");

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        Assert.Equal(Filler + 2, outcome.Lines);
        Assert.Equal(Filler + 2, outcome.Entries["item"]);
        var (items, remaining, batches) = Ledger();
        Assert.Equal(1 + Filler + 2, items);
        Assert.Equal(0m, remaining);
        Assert.Equal(2, batches);
        // Document totals: each document once per ledger it wrote to (an item and a capacity entry for every line), counted in full.
        using var store = LedgerStore.Open(_db);
        var model = ReportModelJson.Deserialize(store.ReportModel(outcome.Batch!.Value)!)!;
        Assert.Equal(1000, model.DocumentTotals.Count);
        Assert.Contains(model.Capped, c => c.Contains($"the first 1,000 of {2 * (Filler + 2):N0}", StringComparison.Ordinal));
    }

    [Fact]
    public void AReversalInALaterChunkThatExceedsWhatTheFirstChunkLeftIsRefusedAndNothingIsPosted()
    {
        PostOriginal();
        var journal = WithFiller(OutputJournal.New().Reversal(appliesTo: 1, quantity: -6, runTime: -60, document: "REV-1"))
            .Reversal(appliesTo: 1, quantity: -6, runTime: -60, document: "REV-2");

        var outcome = Post(journal, "too-much.xlsx");

        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Equal(ExitCodes.Refused, outcome.ExitCode);
        // Only the second reversal (row: header, first reversal, filler, then it), for its quantity and its run time.
        Assert.All(outcome.Errors, e => Assert.Equal(Filler + 3, e.Where.Row));
        Assert.Equal(["RemainingQuantitySufficient", "RunTimeSufficient"], outcome.Errors.Select(e => e.Code).Order());
        Assert.Contains("10 in the ledger, 6 reversed by rows above", outcome.Errors.First().Message);
        // The first chunk was written before the refusal was known; it is rolled back with the rest.
        var (items, remaining, batches) = Ledger();
        Assert.Equal(1, items);
        Assert.Equal(10m, remaining);
        Assert.Equal(2, batches); // the original, and the refusal recorded with its report
    }

    [Fact]
    public void AnUnreadableCellInALaterChunkRefusesTheBatchWithItsCellAndPostsNothing()
    {
        PostOriginal();
        var journal = WithFiller(OutputJournal.New())
            .Row(OutputJournal.Day, "OUT-X", "PO-1", "ITEM-1", "10", "ten minutes", 1, null);

        var outcome = Post(journal, "unreadable.xlsx");

        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal($"F{Filler + 2}", error.Where.Cell);
        var (items, _, _) = Ledger();
        Assert.Equal(1, items);
    }

    [Fact]
    public void ALongJournalPostedAgainAsTheSameLinesIsADuplicateOfTheFirst()
    {
        var journal = WithFiller(OutputJournal.New());
        Assert.Equal(PostingStatus.Posted, Post(journal, "long.xlsx").Status);

        var again = Post(journal, "long-saved-again.xlsx");

        Assert.Equal(PostingStatus.Duplicate, again.Status);
        Assert.Equal("FILE006", Assert.Single(again.Errors).Code);
        var (items, _, batches) = Ledger();
        Assert.Equal(Filler, items);
        Assert.Equal(1, batches);
    }

    [Fact]
    public void ALongJournalOfProjectInvoicesPostsEachInvoiceWhole()
    {
        // Several chunks, and more invoices than the report shows.
        const int lines = 4106;
        Assert.True(lines > 2 * PostingPipeline.ChunkLines && lines / 2 > BatchSummary.RowLimit);
        var journal = ProjectJournal.New();
        for (var i = 0; i < lines; i++)
            journal.Line($"INV-{i / 2:D5}", i % 2 + 1, 8, 100m);

        var outcome = TestHost.Post(_db, journal.WriteTo(Temp.File("invoices.xlsx")));

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        var entries = store.Entries();
        Assert.Equal(lines / 2, entries.ProjectInvoices.Count);
        Assert.Equal(lines, entries.Project.Count);
        Assert.All(entries.Project.GroupBy(a => a.InvoiceNo), invoice => Assert.Equal([1, 2], invoice.Select(a => a.InvoiceLineNo).Order()));

        // The report shows the first 1,000 rows of each table and says how many there are; its totals are over every entry.
        var model = ReportModelJson.Deserialize(store.ReportModel(outcome.Batch!.Value)!)!;
        Assert.Equal(1000, model.ProjectActuals.Count);
        Assert.Equal(1000, model.DocumentTotals.Count);
        Assert.Equal("INV-00000", model.DocumentTotals[0].Document);
        Assert.Contains(model.Capped, c => c.Contains($"the first 1,000 of {lines / 2:N0}", StringComparison.Ordinal));
        Assert.Contains(model.Capped, c => c.Contains($"the first 1,000 of {lines:N0}", StringComparison.Ordinal));
        var project = model.Totals[3];
        Assert.Equal(lines, project.Entries);
        Assert.Equal("billed 3284800.00, unbilled 0.00", project.Figures); // 4,106 lines of 8 h at 100
    }

    /// <summary>Line 1 of invoice INV-A, <paramref name="filler"/> lines of other invoices, then INV-A's line 2.</summary>
    private static ProjectJournal InvoiceAApart(int filler)
    {
        var journal = ProjectJournal.New().Line("INV-A", 1, 8, 100m);
        for (var i = 0; i < filler; i++)
            journal.Line($"INV-{i:D5}", 1, 8, 100m);
        return journal.Line("INV-A", 2, 4, 100m);
    }

    [Fact]
    public void AnInvoiceWhoseLinesStandApartAcrossChunksIsStillPostedAsOneInvoice()
    {
        // Line 1 of INV-A first, line 2 after more than the first cut's worth of other invoices: by then INV-A has been
        // posted with one line, so the batch is posted again whole; a second INV-A would break the ledger.
        const int filler = BatchPoster.FirstCutLines + 10;
        var outcome = TestHost.Post(_db, InvoiceAApart(filler).WriteTo(Temp.File("apart.xlsx")));

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.Equal(filler + 2, outcome.Lines);
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        var entries = store.Entries();
        Assert.Single(entries.ProjectInvoices, i => i.InvoiceNo == "INV-A");
        Assert.Equal([1, 2], entries.Project.Where(a => a.InvoiceNo == "INV-A").Select(a => a.InvoiceLineNo).Order());
        Assert.Equal(filler + 1, entries.ProjectInvoices.Count);
        Assert.Single(store.Batches());
        // The user is told why it took two readings, and how to avoid it.
        var warning = Assert.Single(outcome.Problems, p => p.Code == "SHEET009");
        Assert.Contains("INV-A", warning.Message);
        Assert.Equal(filler + 3, warning.Where.Row); // header, INV-A line 1, the filler, then INV-A line 2
    }

    [Fact]
    public void AnInvoiceWhoseLinesStandChunksApartInASheetShorterThanTheFirstCutIsPostedInOneReading()
    {
        // Line 2 of INV-A two chunks after line 1: nothing is posted before the first cut, so INV-A is still pending.
        const int filler = 2 * PostingPipeline.ChunkLines;
        Assert.True(filler + 2 < BatchPoster.FirstCutLines);
        var outcome = TestHost.Post(_db, InvoiceAApart(filler).WriteTo(Temp.File("apart-within-the-first-cut.xlsx")));

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.DoesNotContain(outcome.Problems, p => p.Code == "SHEET009");
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        Assert.Equal([1, 2], store.Entries().Project.Where(a => a.InvoiceNo == "INV-A").Select(a => a.InvoiceLineNo).Order());
    }

    [Fact]
    public void ReturnsOfOneInvoiceLineInTwoChunksTogetherReturnNoMoreThanWasInvoiced()
    {
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).WriteTo(Temp.File("sale.xlsx"))).Status);
        SalesJournal Journal(decimal later)
        {
            var journal = SalesJournal.New().Return("INV-1", 1, -4, 19.99m);
            for (var i = 0; i < Filler; i++)
                journal.Sale($"INV-F{i:D5}", 1, 1, 1m, order: $"SO-F{i:D5}");
            return journal.Return("INV-1", 1, later, 19.99m, order: "RO-2", rma: "RMA-2");
        }

        // The later chunk's return is checked against the ledger before the batch (10) less what the first chunk returned (4).
        var tooMany = TestHost.Post(_db, Journal(-7).WriteTo(Temp.File("too-many.xlsx")));
        var exactly = TestHost.Post(_db, Journal(-6).WriteTo(Temp.File("exactly.xlsx")));

        Assert.Equal(PostingStatus.Rejected, tooMany.Status);
        Assert.Contains(tooMany.Problems, p => p.Where.Row == Filler + 3);
        Assert.True(exactly.Status == PostingStatus.Posted, string.Join("\n", exactly.Problems));
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        Assert.Equal(10m, store.Entries().CreditNoteLines.Sum(l => -l.Quantity));
    }

    [Fact]
    public void ACorrectionInALaterChunkFollowsTheChainOfCorrectiveInvoicesPostedBeforeTheBatch()
    {
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, ProjectJournal.New().Line("INV-1", 1, 8, 200m).WriteTo(Temp.File("invoice.xlsx"))).Status);
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6).WriteTo(Temp.File("correction.xlsx"))).Status);
        ProjectJournal Journal(string corrects)
        {
            var journal = ProjectJournal.New();
            for (var i = 0; i < Filler; i++)
                journal.Line($"INV-F{i:D5}", 1, 8, 100m);
            return journal.Correction("INV-1D", corrects, 1, 5);
        }

        var viaOriginal = TestHost.Post(_db, Journal("INV-1").WriteTo(Temp.File("via-original.xlsx")));
        var viaLatest = TestHost.Post(_db, Journal("INV-1C").WriteTo(Temp.File("via-latest.xlsx")));

        Assert.Equal(PostingStatus.Rejected, viaOriginal.Status);
        Assert.Contains("already corrected by invoice INV-1C", Assert.Single(viaOriginal.Problems, p => p.Code == "CorrectThroughLatestInvoice").Message);
        Assert.True(viaLatest.Status == PostingStatus.Posted, string.Join("\n", viaLatest.Problems));
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        Assert.Equal("INV-1D", store.Entries().ProjectInvoices.Single(i => i.InvoiceNo == "INV-1C").CorrectedBy);
    }

    [Fact]
    public void AnInvoiceWhoseSecondLineOpensTheNextChunkIsStillPostedAsOneInvoice()
    {
        // INV-A line 1, then other invoices up to a full chunk: the chunk is cut where INV-A line 2 arrives, which posts
        // INV-A's first line; its second must send the batch back to be posted whole, not into a second INV-A.
        var journal = ProjectJournal.New().Line("INV-A", 1, 8, 100m);
        for (var i = 0; i < BatchPoster.FirstCutLines - 1; i++)
            journal.Line($"INV-{i:D5}", 1, 8, 100m);
        journal.Line("INV-A", 2, 4, 100m);
        for (var i = 0; i < 5; i++)
            journal.Line($"INV-Z{i:D5}", 1, 8, 100m);

        var outcome = TestHost.Post(_db, journal.WriteTo(Temp.File("apart-at-the-cut.xlsx")));

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        Assert.Equal([1, 2], store.Entries().Project.Where(a => a.InvoiceNo == "INV-A").Select(a => a.InvoiceLineNo).Order());
    }

    [Fact]
    public void AReturnOrderWhoseSecondLineOpensTheNextChunkGetsOneCreditNote()
    {
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).Sale("INV-1", 2, 10, 19.99m).WriteTo(Temp.File("sale.xlsx"))).Status);
        var journal = SalesJournal.New().Return("INV-1", 1, -1, 19.99m);
        for (var i = 0; i < BatchPoster.FirstCutLines - 1; i++)
            journal.Sale($"INV-F{i:D5}", 1, 1, 1m, order: $"SO-F{i:D5}");
        journal.Return("INV-1", 2, -1, 19.99m);

        var outcome = TestHost.Post(_db, journal.WriteTo(Temp.File("return-at-the-cut.xlsx")));

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        var note = Assert.Single(store.Entries().CreditNotes); // one return order, one credit note
        Assert.Equal(2, store.Entries().CreditNoteLines.Count(l => l.CreditNoteNo == note.CreditNoteNo));
    }

    [Fact]
    public void DocumentsThatStandTogetherArePostedAChunkAtATimeWithNumbersInTheOrderOfTheCalls()
    {
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, SalesJournal.New().Sale("INV-0", 1, 10, 5m).WriteTo(Temp.File("sale.xlsx"))).Status);
        // A return first, then sales up to a full chunk, then one more sale. Posted whole, every sale would be numbered
        // before the return (the plugin invoices, then credits); posted a chunk at a time, the first call's return comes
        // before the last sale.
        var journal = SalesJournal.New().Return("INV-0", 1, -1, 5m);
        for (var i = 0; i < BatchPoster.FirstCutLines - 1; i++)
            journal.Sale($"INV-F{i:D5}", 1, 1, 1m, order: $"SO-F{i:D5}");
        journal.Sale("INV-X", 1, 1, 1m, order: "SO-X");

        var outcome = TestHost.Post(_db, journal.WriteTo(Temp.File("together.xlsx")));

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
        var items = store.ItemEntries(outcome.Batch);
        var returned = Assert.Single(items, e => e.Row == 2);
        var last = Assert.Single(items, e => e.DocumentNo == "INV-X");
        Assert.True(returned.EntryNo < last.EntryNo, $"the return is entry {returned.EntryNo}, the last sale {last.EntryNo}");
        Assert.Equal(BatchPoster.FirstCutLines + 1, items.Count);
    }
}
