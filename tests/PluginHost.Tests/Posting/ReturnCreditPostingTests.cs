using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Posting;

/// <summary>Sales invoiced and returns credited, from real workbooks through the real return-credit plugin into a real SQLite file.</summary>
public sealed class ReturnCreditPostingTests : TempFolderTest
{
    private readonly string _db;
    private int _files;

    public ReturnCreditPostingTests() => _db = Temp.File("ledger.db");

    private PostingOutcome Post(SalesJournal journal) => TestHost.Post(_db, journal.WriteTo(Temp.File($"journal-{++_files}.xlsx")));

    private PostingOutcome Posted(SalesJournal journal)
    {
        var outcome = Post(journal);
        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        return outcome;
    }

    private BatchEntries Ledger()
    {
        using var store = LedgerStore.Open(_db);
        return store.Entries();
    }

    private void InvoiceTenAt1999() => Posted(SalesJournal.New().Sale("INV-1", 1, 10, 19.99m));

    [Fact]
    public void ASalesOrderLinePostsTheInvoiceItsLineACustomerEntryAndASaleEntry()
    {
        var outcome = Posted(SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).Sale("INV-1", 2, 30, 0.10m, item: "ITEM-2"));

        Assert.Equal((3, 2, 1), (outcome.Entries["item"] + 1, outcome.Entries["item"], outcome.Entries["customer"]));
        var ledger = Ledger();
        Assert.Equal(new SalesInvoice { InvoiceNo = "INV-1", Batch = 1, Row = 2, OrderNo = "SO-1", CustomerNo = "C-1", PostingDate = SalesJournal.InvoiceDay, Amount = 202.90m }, Assert.Single(ledger.Invoices));
        Assert.Equal(
            [
                new SalesInvoiceLine { InvoiceNo = "INV-1", LineNo = 1, Batch = 1, Row = 2, ItemNo = "ITEM-1", Quantity = 10, UnitPrice = 19.99m, Amount = 199.90m, ReturnedQuantity = 0, ItemEntryNo = 1 },
                new SalesInvoiceLine { InvoiceNo = "INV-1", LineNo = 2, Batch = 1, Row = 3, ItemNo = "ITEM-2", Quantity = 30, UnitPrice = 0.10m, Amount = 3.00m, ReturnedQuantity = 0, ItemEntryNo = 2 },
            ],
            ledger.InvoiceLines);
        Assert.Equal(new CustomerLedgerEntry
        {
            EntryNo = 1, Batch = 1, Row = 2, PostingDate = SalesJournal.InvoiceDay, CustomerNo = "C-1", DocumentType = CustomerDocumentType.Invoice,
            DocumentNo = "INV-1", Amount = 202.90m, RemainingAmount = 202.90m,
        }, Assert.Single(ledger.Customer));
        Assert.Equal(new ItemLedgerEntry
        {
            EntryNo = 1, Batch = 1, Row = 2, PostingDate = SalesJournal.InvoiceDay, EntryType = ItemEntryType.Sale, DocumentNo = "INV-1", ItemNo = "ITEM-1",
            CustomerNo = "C-1", Quantity = -10, RemainingQuantity = 10, Open = true,
        }, ledger.Items[0]);
    }

    [Fact]
    public void ReturningFourOfTenPostsACreditNoteAppliedToTheOriginalInvoice()
    {
        InvoiceTenAt1999();

        Posted(SalesJournal.New().Return("INV-1", 1, -4, 19.99m));

        var ledger = Ledger();
        Assert.Equal(new CreditNote
        {
            CreditNoteNo = "CM-000001", Batch = 2, Row = 2, ReturnOrderNo = "RO-1", RmaNo = "RMA-1", CustomerNo = "C-1", PostingDate = SalesJournal.ReturnDay, Amount = -79.96m,
        }, Assert.Single(ledger.CreditNotes));
        Assert.Equal(new CreditNoteLine
        {
            CreditNoteNo = "CM-000001", LineNo = 1, Batch = 2, Row = 2, InvoiceNo = "INV-1", InvoiceLineNo = 1, ItemNo = "ITEM-1", Quantity = -4, UnitPrice = 19.99m,
            Amount = -79.96m, ReasonCode = "DAMAGED", ItemEntryNo = 2,
        }, Assert.Single(ledger.CreditNoteLines));
        Assert.Equal(
            [
                new CustomerLedgerEntry
                {
                    EntryNo = 1, Batch = 1, Row = 2, PostingDate = SalesJournal.InvoiceDay, CustomerNo = "C-1", DocumentType = CustomerDocumentType.Invoice,
                    DocumentNo = "INV-1", Amount = 199.90m, RemainingAmount = 119.94m,
                },
                new CustomerLedgerEntry
                {
                    EntryNo = 2, Batch = 2, Row = 2, PostingDate = SalesJournal.ReturnDay, CustomerNo = "C-1", DocumentType = CustomerDocumentType.CreditMemo,
                    DocumentNo = "CM-000001", Amount = -79.96m, RemainingAmount = 0, AppliesToDocumentNo = "INV-1", RmaNo = "RMA-1", ReasonCode = "DAMAGED",
                },
            ],
            ledger.Customer);
        Assert.Equal(new ItemLedgerEntry
        {
            EntryNo = 2, Batch = 2, Row = 2, PostingDate = SalesJournal.ReturnDay, EntryType = ItemEntryType.Sale, DocumentNo = "CM-000001", ItemNo = "ITEM-1",
            CustomerNo = "C-1", Quantity = 4, RemainingQuantity = 4, Open = true, AppliesToEntry = 1,
        }, ledger.Items[1]);
        Assert.Equal((6m, true), (ledger.Items[0].RemainingQuantity, ledger.Items[0].Open));
        Assert.Equal(4m, Assert.Single(ledger.InvoiceLines).ReturnedQuantity);
        Assert.Equal(199.90m - 79.96m, ledger.Customer[0].RemainingAmount);
    }

    [Fact]
    public void ReturningMoreThanRemainsIsRefusedTellingHowManyCanStillBeReturnedAndTheRestClosesTheLine()
    {
        InvoiceTenAt1999();
        Posted(SalesJournal.New().Return("INV-1", 1, -4, 19.99m));

        var tooMany = Post(SalesJournal.New().Return("INV-1", 1, -7, 19.99m, order: "RO-2", rma: "RMA-2"));

        Assert.Equal(
            "Row 2: you cannot return more than was invoiced: invoice INV-1 line 1 invoiced 10 units of ITEM-1, 4 are already returned and 0 by rows above; only 6 units can be returned, the line returns 7.",
            Refused(tooMany, "ReturnWithinInvoicedQuantity").Message);

        Posted(SalesJournal.New().Return("INV-1", 1, -6, 19.99m, order: "RO-2", rma: "RMA-2"));

        var ledger = Ledger();
        Assert.Equal(10m, Assert.Single(ledger.InvoiceLines).ReturnedQuantity);
        Assert.Equal((0m, false), (ledger.Items[0].RemainingQuantity, ledger.Items[0].Open));
        Assert.Equal(0m, ledger.Customer[0].RemainingAmount);
        Assert.Equal(["CM-000001", "CM-000002"], ledger.CreditNotes.Select(c => c.CreditNoteNo));
        Assert.Equal(-119.94m, ledger.CreditNotes[1].Amount);
    }

    [Fact]
    public void TwoLinesOfOneWorkbookThatTogetherExceedTheInvoicedQuantityAreRefusedAndNothingIsPosted()
    {
        InvoiceTenAt1999();

        var outcome = Post(SalesJournal.New().Return("INV-1", 1, -6, 19.99m).Return("INV-1", 1, -5, 19.99m, order: "RO-2", rma: "RMA-2"));

        var error = Refused(outcome, "ReturnWithinInvoicedQuantity");
        Assert.Equal(3, error.Where.Row);
        Assert.Contains("0 are already returned and 6 by rows above; only 4 units can be returned, the line returns 5", error.Message);
        AssertNothingPostedBy(outcome);
    }

    [Theory]
    [InlineData("Awaiting", "ReturnNotAwaiting", "Row 2: return order RO-1 is Awaiting: the goods have not arrived. Post the packing slip (status Received) before crediting.")]
    [InlineData("Registered", "ReturnNotRegistered", "Row 2: return order RO-1 is Registered: the goods arrived but the packing slip is not posted. Post it (status Received) before crediting.")]
    [InlineData("Quarantine", "ReturnNotInQuarantine", "Row 2: return order RO-1 is in Quarantine: end the quarantine order and post the packing slip before crediting.")]
    [InlineData("Invoiced", "ReturnNotInvoiced", "Row 2: return order RO-1 is Invoiced: it was already credited, and a return is credited once.")]
    [InlineData("Shipped", "ReturnStatusReceived", "Row 2: Return Status 'Shipped' of return order RO-1 is not one of Awaiting, Registered, Quarantine, Received, Invoiced; only Received lines are credited.")]
    [InlineData("", "ReturnStatusReceived", "Row 2: Return Status '' of return order RO-1 is not one of Awaiting, Registered, Quarantine, Received, Invoiced; only Received lines are credited.")]
    public void AReturnThatIsNotReceivedIsRefusedWithItsOwnMessage(string status, string rule, string message)
    {
        InvoiceTenAt1999();

        var outcome = Post(SalesJournal.New().Return("INV-1", 1, -1, 19.99m, status: status));

        Assert.Equal(message, Assert.Single(outcome.Errors).Message);
        Assert.Equal(rule, outcome.Errors.Single().Code);
        AssertNothingPostedBy(outcome);
    }

    [Fact]
    public void AReturnOfAnotherCustomerIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 1, -1, 19.99m, customer: "C-2"), "SameCustomerAsInvoice", "Row 2: invoice INV-1 was made out to customer C-1, not C-2.");

    [Fact]
    public void AReturnOfAnotherItemIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 1, -1, 19.99m, item: "ITEM-9"), "SameItemAsInvoiceLine", "Row 2: invoice INV-1 line 1 sold item ITEM-1, not ITEM-9.");

    [Fact]
    public void AReturnAgainstAnInvoiceNeverPostedIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-404", 1, -1, 19.99m), "OriginalInvoicePosted", "Row 2: invoice INV-404 was not posted; a return is credited against the posted invoice it came from.");

    [Fact]
    public void AReturnAgainstALineTheInvoiceDoesNotHaveIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 7, -1, 19.99m), "OriginalInvoiceLineExists", "Row 2: invoice INV-1 has no line 7.");

    [Fact]
    public void APositiveQuantityOnAReturnedOrderLineIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 1, 2, 19.99m), "ReturnQuantityNegative", "Row 2: a returned order line credits a negative quantity; Quantity is 2.");

    [Fact]
    public void APriceAboveTheInvoicedPriceIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 1, -1, 20m), "UnitPriceNotAboveInvoiced",
            "Row 2: Unit Price 20 is above the 19.99 invoiced on invoice INV-1 line 1; a credit is at most the price invoiced.");

    [Fact]
    public void AReturnWithoutRmaIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 1, -1, 19.99m, rma: ""), "RmaNoRequired", "Row 2: return order RO-1 has no RMA No.; a return is credited only with its RMA number.");

    [Fact]
    public void AReturnWithoutReasonIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 1, -1, 19.99m, reason: ""), "ReturnReasonRequired", "Row 2: return order RO-1 has no Return Reason; a reason code is required.");

    [Fact]
    public void AReturnPostedBeforeItsInvoiceIsRefused() =>
        AssertRefused(SalesJournal.New().Return("INV-1", 1, -1, 19.99m, date: SalesJournal.InvoiceDay.AddDays(-1)), "PostingDateNotBeforeInvoice",
            "Row 2: Posting Date 2026-11-01 is before invoice INV-1, posted 2026-11-02.");

    [Fact]
    public void AReturnWithoutReasonIsAcceptedWhenTheGlobalParamTurnsTheCheckOff()
    {
        var shipped = File.ReadAllText(Path.Combine(TestHost.RulesFolder, "return-credit.json"));
        var rules = Temp.File("rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "return-credit.json"),
            shipped.Replace("""{ "Name": "RequireReturnReason", "Expression": "true" }""", """{ "Name": "RequireReturnReason", "Expression": "false" }""", StringComparison.Ordinal));
        var pipeline = new PostingPipeline(TestHost.Own(_db, rules: rules));
        Assert.Equal(PostingStatus.Posted, pipeline.Run(new PostingRequest { WorkbookPath = SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).WriteTo(Temp.File("s.xlsx")) }).Status);

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = SalesJournal.New().Return("INV-1", 1, -1, 19.99m, reason: "").WriteTo(Temp.File("r.xlsx")) });

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        var note = Assert.Single(Ledger().CreditNoteLines);
        Assert.Null(note.ReasonCode);
    }

    [Fact]
    public void TheLinesOfOneReturnOrderBecomeOneCreditNoteExactToTheCent()
    {
        Posted(SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).Sale("INV-1", 2, 30, 0.10m, item: "ITEM-2"));

        Posted(SalesJournal.New().Return("INV-1", 1, -3, 19.99m).Return("INV-1", 2, -7, 0.10m, item: "ITEM-2", reason: "WRONG"));

        var ledger = Ledger();
        var note = Assert.Single(ledger.CreditNotes);
        Assert.Equal(-60.67m, note.Amount);
        Assert.Equal([(-59.97m, -3m), (-0.70m, -7m)], ledger.CreditNoteLines.Select(l => (l.Amount, l.Quantity)));
        var credit = Assert.Single(ledger.Customer, e => e.DocumentType == CustomerDocumentType.CreditMemo);
        Assert.Equal((-60.67m, "DAMAGED, WRONG"), (credit.Amount, credit.ReasonCode));
        Assert.Equal(202.90m - 60.67m, ledger.Customer[0].RemainingAmount);
        Assert.Equal(ledger.Customer.Sum(e => e.Amount), ledger.Customer[0].RemainingAmount);
    }

    [Fact]
    public void ReturningALineInFractionsCreditsExactlyWhatWasInvoiced()
    {
        Posted(SalesJournal.New().Sale("INV-1", 1, 1, 10.01m));

        Posted(SalesJournal.New().Return("INV-1", 1, -0.5m, 10.01m));
        Posted(SalesJournal.New().Return("INV-1", 1, -0.25m, 10.01m, order: "RO-2", rma: "RMA-2").Return("INV-1", 1, -0.25m, 10.01m, order: "RO-3", rma: "RMA-3"));

        var ledger = Ledger();
        Assert.Equal([-5.01m, -2.50m, -2.50m], ledger.CreditNoteLines.Select(l => l.Amount));
        Assert.Equal(0m, ledger.Customer[0].RemainingAmount);
        Assert.Equal(10.01m, -ledger.CreditNoteLines.Sum(l => l.Amount));
    }

    [Fact]
    public void ARefusedReturnLineDoesNotUseUpWhatTheLinesBelowMayReturn()
    {
        InvoiceTenAt1999();

        var outcome = Post(SalesJournal.New().Return("INV-1", 1, -8, 19.99m, customer: "C-2").Return("INV-1", 1, -5, 19.99m, order: "RO-2", rma: "RMA-2"));

        Assert.Equal([(2, "SameCustomerAsInvoice")], outcome.Errors.Select(e => (e.Where.Row!.Value, e.Code)));
    }

    [Fact]
    public void AReturnOrderWhoseGoodsArriveInPartsIsCreditedOncePerPostingUpToWhatWasInvoiced()
    {
        InvoiceTenAt1999();
        Posted(SalesJournal.New().Return("INV-1", 1, -4, 19.99m));

        Posted(SalesJournal.New().Return("INV-1", 1, -5, 19.99m, date: SalesJournal.ReturnDay.AddDays(3)));
        var tooMany = Post(SalesJournal.New().Return("INV-1", 1, -2, 19.99m, date: SalesJournal.ReturnDay.AddDays(5)));

        Assert.Equal(
            "Row 2: you cannot return more than was invoiced: invoice INV-1 line 1 invoiced 10 units of ITEM-1, 9 are already returned and 0 by rows above; only 1 units can be returned, the line returns 2.",
            Refused(tooMany, "ReturnWithinInvoicedQuantity").Message);
        var ledger = Ledger();
        Assert.Equal([("CM-000001", "RO-1", -79.96m), ("CM-000002", "RO-1", -99.95m)], ledger.CreditNotes.Select(c => (c.CreditNoteNo, c.ReturnOrderNo, c.Amount)));
        // Each credit's goods are back in stock: an open inbound entry applied to the sale, which keeps 1 returnable.
        Assert.Equal(
            [(1L, -10m, 1m, true, (long?)null), (2L, 4m, 4m, true, 1L), (3L, 5m, 5m, true, 1L)],
            ledger.Items.Select(i => (i.EntryNo, i.Quantity, i.RemainingQuantity, i.Open, i.AppliesToEntry)));
        Assert.Equal(9m, Assert.Single(ledger.InvoiceLines).ReturnedQuantity);
        Assert.Equal([(199.90m, 19.99m, (string?)null), (-79.96m, 0m, "INV-1"), (-99.95m, 0m, "INV-1")],
            ledger.Customer.Select(c => (c.Amount, c.RemainingAmount, c.AppliesToDocumentNo)));
        using var store = LedgerStore.Open(_db);
        Assert.Empty(LedgerCheck.Run(store));
    }

    [Fact]
    public void AnInvoiceNumberPostedBeforeIsRefused()
    {
        InvoiceTenAt1999();

        var outcome = Post(SalesJournal.New().Sale("INV-1", 2, 1, 5m));

        Assert.Equal("Row 2: invoice INV-1 was already posted (batch 1); use a new invoice number.", Refused(outcome, "InvoiceNotPostedBefore").Message);
    }

    [Fact]
    public void OneInvoiceCannotBeSplitAcrossCustomers()
    {
        var outcome = Post(SalesJournal.New().Sale("INV-1", 1, 1, 5m).Sale("INV-1", 2, 1, 5m, customer: "C-2"));

        Assert.Equal("Row 3: customer C-2 differs from customer C-1 on row 2 of the same invoice INV-1; one document has one customer.", Refused(outcome, "OneCustomerPerDocument").Message);
        Assert.Equal(0, LedgerQueries.Count(_db, "sales_invoice"));
    }

    private void AssertRefused(SalesJournal journal, string rule, string message)
    {
        InvoiceTenAt1999();

        var outcome = Post(journal);

        Assert.Equal(message, Refused(outcome, rule).Message);
        AssertNothingPostedBy(outcome);
    }

    private static Engine.Problems.Problem Refused(PostingOutcome outcome, string rule)
    {
        Assert.Equal((PostingStatus.Rejected, ExitCodes.Refused), (outcome.Status, outcome.ExitCode));
        return Assert.Single(outcome.Errors, e => e.Code == rule);
    }

    private void AssertNothingPostedBy(PostingOutcome outcome)
    {
        foreach (var table in new[] { "item_entry", "customer_entry", "sales_invoice", "credit_note" })
            Assert.Empty(LedgerQueries.Rows(_db, $"SELECT * FROM {table} WHERE batch = {outcome.Batch}"));
        Assert.Equal(0, LedgerQueries.Count(_db, "credit_note_line") - Ledger().CreditNoteLines.Count(l => l.Batch != outcome.Batch));
    }
}
