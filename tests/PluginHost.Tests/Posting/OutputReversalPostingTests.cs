using System.Text;
using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Posting;

/// <summary>Forward output and its reversals, posted from real workbooks through the real plugin into a real SQLite file.</summary>
public sealed class OutputReversalPostingTests : TempFolderTest
{
    private readonly string _db;

    public OutputReversalPostingTests() => _db = Temp.File("ledger.db");

    private PostingOutcome Post(OutputJournal journal, string name) => TestHost.Post(_db, journal.WriteTo(Temp.File(name)));

    private (IReadOnlyList<ItemLedgerEntry> Items, IReadOnlyList<CapacityLedgerEntry> Capacity) Ledger()
    {
        using var store = LedgerStore.Open(_db);
        return (store.ItemEntries(), store.CapacityEntries());
    }

    private void PostOriginals() =>
        Assert.Equal(PostingStatus.Posted, Post(OutputJournal.New().Output(10, 120, document: "OUT-1").Output(5, 30, prodOrder: "PO-2", item: "ITEM-2", document: "OUT-2"), "originals.xlsx").Status);

    [Fact]
    public void AForwardLinePostsAnOpenOutputEntryAndItsCapacityEntry()
    {
        var outcome = Post(OutputJournal.New().Output(10, 120.5m, document: "OUT-7"), "forward.xlsx");

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        Assert.Equal(ExitCodes.Done, outcome.ExitCode);
        Assert.Equal(1, outcome.Batch);
        Assert.Equal(1, outcome.Entries["item"]);
        Assert.Equal(1, outcome.Entries["capacity"]);
        var (items, capacity) = Ledger();
        var item = Assert.Single(items);
        Assert.Equal(new ItemLedgerEntry
        {
            EntryNo = 1, Batch = 1, Row = 2, PostingDate = OutputJournal.Day, EntryType = ItemEntryType.Output, DocumentNo = "OUT-7", ItemNo = "ITEM-1",
            ProdOrderNo = "PO-1", CustomerNo = null, Quantity = 10, RemainingQuantity = 10, Open = true, AppliesToEntry = null,
        }, item);
        Assert.Equal(new CapacityLedgerEntry
        {
            EntryNo = 1, Batch = 1, Row = 2, PostingDate = OutputJournal.Day, DocumentNo = "OUT-7", ProdOrderNo = "PO-1", OperationNo = "10", ItemNo = "ITEM-1",
            RunTime = 120.5m, OutputQuantity = 10, ItemEntryNo = 1, ReversesEntryNo = null,
        }, Assert.Single(capacity));
    }

    [Fact]
    public void APartialReversalLowersTheRemainingQuantityAndLeavesTheEntryOpen()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(appliesTo: 1, quantity: -4, runTime: -48, document: "REV-9"), "partial.xlsx");

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var (items, capacity) = Ledger();
        Assert.Equal(3, items.Count);
        var original = items[0];
        Assert.Equal((10m, 6m, true), (original.Quantity, original.RemainingQuantity, original.Open));
        var reversal = items[2];
        Assert.Equal(new ItemLedgerEntry
        {
            EntryNo = 3, Batch = 2, Row = 2, PostingDate = OutputJournal.Day.AddDays(3), EntryType = ItemEntryType.Output, DocumentNo = "REV-9", ItemNo = "ITEM-1",
            ProdOrderNo = "PO-1", Quantity = -4, RemainingQuantity = 0, Open = false, AppliesToEntry = 1,
        }, reversal);
        Assert.Equal(new CapacityLedgerEntry
        {
            EntryNo = 3, Batch = 2, Row = 2, PostingDate = OutputJournal.Day.AddDays(3), DocumentNo = "REV-9", ProdOrderNo = "PO-1", OperationNo = "10", ItemNo = "ITEM-1",
            RunTime = -48, OutputQuantity = -4, ItemEntryNo = 3, ReversesEntryNo = 1,
        }, capacity[2]);
        Assert.Equal((5m, true), (items[1].RemainingQuantity, items[1].Open));
    }

    [Fact]
    public void AFullReversalClosesTheOriginalEntry()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(appliesTo: 1, quantity: -10, runTime: -120), "full.xlsx");

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var (items, capacity) = Ledger();
        Assert.Equal((10m, 0m, false), (items[0].Quantity, items[0].RemainingQuantity, items[0].Open));
        Assert.Equal((-10m, 0m, false, 1L), (items[2].Quantity, items[2].RemainingQuantity, items[2].Open, items[2].AppliesToEntry!.Value));
        Assert.Equal((-120m, -10m, 1L, 3L), (capacity[2].RunTime, capacity[2].OutputQuantity, capacity[2].ReversesEntryNo!.Value, capacity[2].ItemEntryNo));
    }

    [Fact]
    public void TwoPartialReversalsInOneWorkbookThatFitThePostTogether()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, -4, -40).Reversal(1, -6, -80), "two.xlsx");

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var (items, _) = Ledger();
        Assert.Equal((0m, false), (items[0].RemainingQuantity, items[0].Open));
    }

    [Fact]
    public void ReversingMoreThanRemainsIsRefusedWithTheEntryAndTheQuantities()
    {
        PostOriginals();
        Assert.Equal(PostingStatus.Posted, Post(OutputJournal.New().Reversal(1, -4, -40), "first.xlsx").Status);

        var outcome = Post(OutputJournal.New().Reversal(1, -8, -40), "too-much.xlsx");

        var error = Refused(outcome, "RemainingQuantitySufficient");
        Assert.Equal(2, error.Where.Row);
        Assert.Equal("Row 2: Remaining Quantity is too low: entry 1 has 6 left (6 in the ledger, 0 reversed by rows above in this workbook), the line reverses 8.", error.Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 3);
    }

    [Fact]
    public void ReversingMoreThanRemainsAcrossTwoLinesOfOneWorkbookIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, -6, -60).Reversal(1, -6, -60), "split.xlsx");

        var error = Refused(outcome, "RemainingQuantitySufficient");
        Assert.Equal(3, error.Where.Row);
        Assert.Contains("entry 1 has 4 left (10 in the ledger, 6 reversed by rows above in this workbook), the line reverses 6", error.Message);
        Assert.DoesNotContain(outcome.Errors, e => e.Where.Row == 2);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void ARefusedReversalDoesNotUseUpWhatTheLinesBelowMayReverse()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, -8, -80, item: "WRONG").Reversal(1, -6, -60), "refused-above.xlsx");

        Assert.Equal([(2, "ItemMatches")], outcome.Errors.Select(e => (e.Where.Row!.Value, e.Code)));
    }

    [Fact]
    public void ReversingAnEntryAlreadyFullyReversedIsRefused()
    {
        PostOriginals();
        Assert.Equal(PostingStatus.Posted, Post(OutputJournal.New().Reversal(1, -10, -120), "full.xlsx").Status);

        var outcome = Post(OutputJournal.New().Reversal(1, -1, -1), "again.xlsx");

        var error = Refused(outcome, "AppliedEntryIsOpen");
        Assert.Equal("Row 2: Applies-to Entry 1 has no output left to reverse (remaining quantity 0 of 10).", error.Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 3);
    }

    [Fact]
    public void ReversingMoreRunTimeThanRemainsIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, -1, -121), "runtime.xlsx");

        var error = Refused(outcome, "RunTimeSufficient");
        Assert.Equal("Row 2: the line reverses run time 121, more than the 120 not yet reversed of capacity entry 1 (run time 120).", error.Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void RunTimeWithoutOutputPostsACapacityEntryOnly()
    {
        var outcome = Post(OutputJournal.New().Output(0, 15, document: "SETUP-1", operation: "30"), "setup.xlsx");

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        var (items, capacity) = Ledger();
        Assert.Empty(items);
        Assert.Equal(new CapacityLedgerEntry
        {
            EntryNo = 1, Batch = 1, Row = 2, PostingDate = OutputJournal.Day, DocumentNo = "SETUP-1", ProdOrderNo = "PO-1", OperationNo = "30", ItemNo = "ITEM-1",
            RunTime = 15, OutputQuantity = 0, ItemEntryNo = 0, ReversesEntryNo = null,
        }, Assert.Single(capacity));
    }

    [Fact]
    public void ARunTimeOnlyCorrectionNeedsNoAppliesToEntryAndPostsACapacityEntryOnly()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Row(OutputJournal.Day.AddDays(3), "REV-5", "PO-1", "ITEM-1", "10", -20m, 0m, null), "run-time.xlsx");

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        var (items, capacity) = Ledger();
        Assert.Equal([(10m, 10m, true), (5m, 5m, true)], items.Select(i => (i.Quantity, i.RemainingQuantity, i.Open)));
        Assert.Equal(new CapacityLedgerEntry
        {
            EntryNo = 3, Batch = 2, Row = 2, PostingDate = OutputJournal.Day.AddDays(3), DocumentNo = "REV-5", ProdOrderNo = "PO-1", OperationNo = "10", ItemNo = "ITEM-1",
            RunTime = -20, OutputQuantity = 0, ItemEntryNo = 0, ReversesEntryNo = null,
        }, capacity[2]);
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
    }

    [Fact]
    public void ARunTimeOnlyCorrectionThatWouldTakeTheOperationsRunTimeBelowZeroIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New()
            .Row(OutputJournal.Day, "REV-5", "PO-1", "ITEM-1", "10", -100m, 0m, null)
            .Row(OutputJournal.Day, "REV-6", "PO-1", "ITEM-1", "10", -30m, 0m, null)
            .Row(OutputJournal.Day, "REV-7", "PO-1", "ITEM-1", "20", -1m, 0m, null), "too-much.xlsx");

        Assert.Equal((PostingStatus.Rejected, ExitCodes.Refused), (outcome.Status, outcome.ExitCode));
        Assert.Equal(
            [
                (3, "Row 3: the line takes run time 30 off production order PO-1 operation 10, which has 20 posted (120 in the ledger, -100 by rows above in this workbook); the posted run time cannot fall below zero."),
                (4, "Row 4: the line takes run time 1 off production order PO-1 operation 20, which has 0 posted (0 in the ledger, 0 by rows above in this workbook); the posted run time cannot fall below zero."),
            ],
            outcome.Errors.Where(e => e.Code == "RunTimeNotBelowZero").Select(e => (e.Where.Row!.Value, e.Message)));
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void AReversalCannotTakeRunTimeThatARunTimeOnlyCorrectionAlreadyTookOffTheOperation()
    {
        PostOriginals();
        Assert.Equal(PostingStatus.Posted, Post(OutputJournal.New().Row(OutputJournal.Day, "REV-5", "PO-1", "ITEM-1", "10", -120m, 0m, null), "run-time.xlsx").Status);

        var outcome = Post(OutputJournal.New().Reversal(1, -4, -60), "reversal.xlsx");

        Assert.Equal("Row 2: the line takes run time 60 off production order PO-1 operation 10, which has 0 posted (0 in the ledger, 0 by rows above in this workbook); the posted run time cannot fall below zero.",
            Refused(outcome, "RunTimeNotBelowZero").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2, capacityEntriesBefore: 3);
    }

    [Fact]
    public void RunTimeAddedByARowAboveCanBeTakenOffBelowIt()
    {
        var outcome = Post(OutputJournal.New().Output(0, 15, operation: "30").Row(OutputJournal.Day, "REV-1", "PO-1", "ITEM-1", "30", -15m, 0m, null), "same-batch.xlsx");

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.Equal([15m, -15m], Ledger().Capacity.Select(c => c.RunTime));
    }

    [Fact]
    public void AnAppliesToEntryOnALineWithoutOutputIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, 0, -5), "run-time-applied.xlsx");

        Assert.Equal("Row 2: Applies-to Entry 1 is given but Output Quantity is 0; an applied entry is reversed by a negative output quantity. To correct run time only, leave Applies-to Entry empty.",
            Refused(outcome, "NoAppliesToWithoutOutput").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void AReversalOnAnotherOperationIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Row(OutputJournal.Day, "REV-1", "PO-1", "ITEM-1", "20", -8m, -1m, 1L), "operation.xlsx");

        Assert.Equal("Row 2: Operation No. 20 does not match entry 1, whose run time was posted on operation 10.", Refused(outcome, "OperationMatches").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void AnAppliesToEntryThatDoesNotExistIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(99, -1, -1), "missing.xlsx");

        Assert.Equal("Row 2: Applies-to Entry 99 does not exist in the item ledger.", Refused(outcome, "AppliedEntryExists").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void AnAppliesToEntryThatIsNotAnOutputEntryIsRefused()
    {
        PostOriginals();
        // No shipped plugin posts sales yet: the sale entry is arranged directly in the real database.
        LedgerQueries.Execute(_db, """
            INSERT INTO batch (plugin, file_name, file_sha256, sheet, user_name, created_at, line_count, status, workflow, rules_sha256)
            VALUES ('return-credit', 'sales.xlsx', 'abc', 'Sales', 'seed', '2026-11-01T00:00:00Z', 1, 'posted', 'return-credit', 'def');
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, customer_no, quantity, remaining_quantity, open)
            VALUES (3, 2, 2, '2026-11-01', 'Sale', 'INV-1', 'ITEM-1', 'C-1', -500000, 500000, 1);
            """);

        var outcome = Post(OutputJournal.New().Reversal(3, -1, -1), "sale.xlsx");

        Assert.Equal("Row 2: Applies-to Entry 3 is a Sale entry, not an Output entry.", Refused(outcome, "AppliedEntryIsOutput").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 3, capacityEntriesBefore: 2);
    }

    [Fact]
    public void AnAppliesToEntryThatIsItselfAReversalIsRefused()
    {
        PostOriginals();
        Assert.Equal(PostingStatus.Posted, Post(OutputJournal.New().Reversal(1, -2, -2), "first.xlsx").Status);

        var outcome = Post(OutputJournal.New().Reversal(3, -1, -1), "reverse-reversal.xlsx");

        Assert.Equal("Row 2: Applies-to Entry 3 is itself a reversal (quantity -2); apply to the original output entry.", Refused(outcome, "AppliedEntryIsPositive").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 3);
    }

    [Fact]
    public void AReversalOnAnotherProductionOrderIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, -1, -1, prodOrder: "PO-2"), "po.xlsx");

        Assert.Equal("Row 2: Prod. Order No. PO-2 does not match entry 1, which was posted for production order PO-1.", Refused(outcome, "ProdOrderMatches").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void AReversalOfAnotherItemIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, -1, -1, item: "ITEM-2"), "item.xlsx");

        Assert.Equal("Row 2: Item No. ITEM-2 does not match entry 1, which was posted for item ITEM-1.", Refused(outcome, "ItemMatches").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void APositiveLineWithAppliesToEntryIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Row(OutputJournal.Day, "OUT-3", "PO-1", "ITEM-1", "10", 5m, 1m, 1L), "positive.xlsx");

        Assert.Equal("Row 2: a line with Applies-to Entry 1 reverses output, so Output Quantity (1) and Run Time (5) must be negative.", Refused(outcome, "AppliesToOnlyOnReversal").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void ANegativeLineWithoutAppliesToEntryIsRefused()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Row(OutputJournal.Day, "REV-3", "PO-1", "ITEM-1", "10", -5m, -1m, null), "negative.xlsx");

        Assert.Equal("Row 2: Output Quantity -1 makes the line a reversal, so Applies-to Entry must name the output entry to reverse.", Refused(outcome, "ReversalNeedsAppliesTo").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
    }

    [Fact]
    public void ALineWithAllQuantitiesZeroIsRefused()
    {
        var outcome = Post(OutputJournal.New().Output(10, 5).Output(0, 0), "zero.xlsx");

        var error = Refused(outcome, "NotAllZero");
        Assert.Equal(3, error.Where.Row);
        Assert.Equal("Row 3: Output Quantity and Run Time are both zero; there is nothing to post.", error.Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 0);
    }

    [Fact]
    public void ALineWithoutPostingDateOrDocumentNoIsRefused()
    {
        var outcome = Post(OutputJournal.New().Row(null, "", "PO-1", "ITEM-1", "10", 5m, 1m, null), "blank.xlsx");

        Assert.Equal("Row 2: Posting Date is required.", Refused(outcome, "PostingDateRequired").Message);
        Assert.Equal("Row 2: Document No. is required.", Refused(outcome, "DocumentNoRequired").Message);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 0);
    }

    [Fact]
    public void EveryFailureOfEveryLineIsReportedAtOnce()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(99, -1, -1).Reversal(1, -1, -1, item: "X").Output(0, 0), "many.xlsx");

        Assert.Equal(
            [(2, "AppliedEntryExists"), (3, "ItemMatches"), (4, "NotAllZero")],
            outcome.Errors.Select(e => (e.Where.Row!.Value, e.Code)).OrderBy(x => x.Item1).ToList());
    }

    [Fact]
    public void ARefusedBatchPostsNotEvenItsGoodLinesAndIsRecordedAsRejected()
    {
        PostOriginals();

        var outcome = Post(OutputJournal.New().Reversal(1, -1, -1).Output(3, 3).Reversal(2, -9, -9, prodOrder: "PO-2", item: "ITEM-2"), "mixed.xlsx");

        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Equal(ExitCodes.Refused, outcome.ExitCode);
        Assert.Equal(4, Refused(outcome, "RemainingQuantitySufficient").Where.Row);
        AssertNothingPostedBy(outcome, itemEntriesBefore: 2);
        var (items, _) = Ledger();
        Assert.Equal([10m, 5m], items.Select(i => i.RemainingQuantity));
        using var store = LedgerStore.Open(_db);
        var batch = store.Batch(outcome.Batch!.Value)!;
        Assert.Equal((BatchStatus.Rejected, 3, "mixed.xlsx", "tester"), (batch.Status, batch.LineCount, batch.FileName, batch.User));
        Assert.Contains(store.Messages(batch.Id), m => m.Rule == "RemainingQuantitySufficient" && m.Row == 4);
    }

    [Fact]
    public void AValidationShowsWhatWouldBePostedAndWritesNothing()
    {
        PostOriginals();
        var path = OutputJournal.New().Reversal(1, -4, -48).WriteTo(Temp.File("check.xlsx"));

        var outcome = TestHost.Post(_db, path, dryRun: true);

        Assert.Equal(PostingStatus.Validated, outcome.Status);
        Assert.Equal(1, outcome.Entries["item"]);
        Assert.Null(outcome.Batch);
        Assert.Equal(2, LedgerQueries.Count(_db, "item_entry"));
        Assert.Equal(1, LedgerQueries.Count(_db, "batch"));
        Assert.Equal(10m, Ledger().Items[0].RemainingQuantity);
        Assert.Contains("REV-1", File.ReadAllText(outcome.ReportPath!));
    }

    [Fact]
    public void PostingTheSameFileTwiceIsRefusedAsADuplicateNamingTheEarlierBatch()
    {
        var path = OutputJournal.New().Output(10, 5).WriteTo(Temp.File("once.xlsx"));
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, path).Status);
        var copy = Temp.File("renamed copy.xlsx");
        File.Copy(path, copy);

        var outcome = TestHost.Post(_db, copy);

        Assert.Equal(PostingStatus.Duplicate, outcome.Status);
        Assert.Equal(ExitCodes.Duplicate, outcome.ExitCode);
        Assert.Equal(1, outcome.Batch);
        Assert.StartsWith("this file (sheet Output Journal) was already posted as batch 1 (once.xlsx", Assert.Single(outcome.Errors).Message);
        Assert.Equal(1, LedgerQueries.Count(_db, "item_entry"));
    }

    [Fact]
    public void TheSameLinesInAFileWithOtherBytesAreRefusedAsADuplicate()
    {
        var journal = OutputJournal.New().Output(10, 5).Output(2.50m, 1, document: "OUT-2");
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, journal.WriteTo(Temp.File("week45.xlsx"))).Status);
        // The same lines as Excel would save them again elsewhere: another sheet name, a comment column, and as CSV in Windows-1252.
        var resaved = journal.WriteTo(Temp.File("week45 (2).xlsx"), sheet: "Utflödesjournal", headers: [.. OutputJournal.Headers]);
        var withComment = OutputJournal.New().Row(OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 5m, 10m, null, "checked by Eva")
            .Row(OutputJournal.Day, "OUT-2", "PO-1", "ITEM-1", "10", 1m, 2.5m, null, "")
            .WriteTo(Temp.File("week45-commented.xlsx"), headers: [.. OutputJournal.Headers, "Comment"]);
        var csv = Temp.File("week45.csv");
        File.WriteAllText(csv, string.Join(';', OutputJournal.Headers) + "\r\n2026-11-02;OUT-1;PO-1;ITEM-1;10;5,00;10;\r\n2026-11-02;OUT-2;PO-1;ITEM-1;10;1;2,50;\r\n", Encoding.Latin1);

        foreach (var copy in new[] { resaved, withComment, csv })
        {
            var outcome = new PostingPipeline(TestHost.With(_db)).Run(new PostingRequest { WorkbookPath = copy, User = "tester", Culture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE") });

            Assert.True(outcome.Status == PostingStatus.Duplicate, $"{Path.GetFileName(copy)}: {outcome.Status}: {string.Join(" | ", outcome.Problems.Select(p => p.Message))}");
            Assert.Equal((ExitCodes.Duplicate, 1L), (outcome.ExitCode, outcome.Batch));
            Assert.StartsWith("these 2 journal lines are the ones posted as batch 1 (week45.xlsx, sheet Output Journal", Assert.Single(outcome.Errors).Message);
        }
        Assert.Equal(2, LedgerQueries.Count(_db, "item_entry"));
    }

    [Fact]
    public void ALineThatDiffersInOneValueIsNotADuplicate()
    {
        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, OutputJournal.New().Output(10, 5).WriteTo(Temp.File("a.xlsx"))).Status);

        Assert.Equal(PostingStatus.Posted, TestHost.Post(_db, OutputJournal.New().Output(10, 5.5m).WriteTo(Temp.File("b.xlsx"))).Status);
    }

    private static Engine.Problems.Problem Refused(PostingOutcome outcome, string rule)
    {
        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Equal(ExitCodes.Refused, outcome.ExitCode);
        return Assert.Single(outcome.Errors, e => e.Code == rule);
    }

    private void AssertNothingPostedBy(PostingOutcome outcome, int itemEntriesBefore, int? capacityEntriesBefore = null)
    {
        Assert.Equal(itemEntriesBefore, LedgerQueries.Count(_db, "item_entry"));
        Assert.Equal(capacityEntriesBefore ?? itemEntriesBefore, LedgerQueries.Count(_db, "capacity_entry"));
        Assert.Empty(LedgerQueries.Rows(_db, $"SELECT entry_no FROM item_entry WHERE batch = {outcome.Batch}"));
        Assert.Empty(LedgerQueries.Rows(_db, $"SELECT entry_no FROM capacity_entry WHERE batch = {outcome.Batch}"));
    }
}
