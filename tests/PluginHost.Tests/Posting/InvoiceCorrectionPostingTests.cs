using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Posting;

/// <summary>Confirmed project invoices and their corrections, from real workbooks through the real plugin into a real SQLite file.</summary>
public sealed class InvoiceCorrectionPostingTests : TempFolderTest
{
    private readonly string _db;
    private int _files;

    public InvoiceCorrectionPostingTests() => _db = Temp.File("ledger.db");

    private PostingOutcome Post(ProjectJournal journal) => TestHost.Post(_db, journal.WriteTo(Temp.File($"projects-{++_files}.xlsx")));

    private PostingOutcome Posted(ProjectJournal journal)
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

    private IReadOnlyList<(ProjectActualType Type, decimal Quantity, decimal Amount, bool Chargeable, long? Reverses)> Actuals(long batch) =>
        Ledger().Project.Where(a => a.Batch == batch).Select(a => (a.ActualType, a.Quantity, a.Amount, a.Chargeable, a.ReversesActualId)).ToList();

    private void BillEightHoursAt200() => Posted(ProjectJournal.New().Line("INV-1", 1, 8, 200m));

    [Fact]
    public void AConfirmedInvoiceLinePostsABilledSalesActual()
    {
        BillEightHoursAt200();

        var actual = Assert.Single(Ledger().Project);
        Assert.Equal(new ProjectActual
        {
            ActualId = 1, Batch = 1, Row = 2, ProjectNo = "P-1", InvoiceNo = "INV-1", InvoiceLineNo = 1, TransactionType = "Time", Resource = "Anna",
            Date = ProjectJournal.Day, Quantity = 8, UnitPrice = 200m, Amount = 1600m, ActualType = ProjectActualType.BilledSales, Chargeable = true, Correction = false,
        }, actual);
        var invoice = Assert.Single(Ledger().ProjectInvoices);
        Assert.Equal(("Confirmed", null, null), (invoice.Status, invoice.CorrectsInvoiceNo, invoice.CorrectedBy));
    }

    private static readonly ProjectActualType Billed = ProjectActualType.BilledSales;
    private static readonly ProjectActualType Unbilled = ProjectActualType.UnbilledSales;

    /// <summary>For every transaction: billed net, unbilled net; and `pluginhost check` finds the ledger sound.</summary>
    private (decimal Billed, decimal Unbilled) Net(string project = "P-1", int line = 1)
    {
        using (var store = LedgerStore.Open(_db))
            Assert.Empty(LedgerCheck.Run(store));
        var actuals = Ledger().Project.Where(a => a.ProjectNo == project && a.InvoiceLineNo == line).ToList();
        return (actuals.Where(a => a.ActualType == Billed).Sum(a => a.Quantity), actuals.Where(a => a.ActualType == Unbilled).Sum(a => a.Quantity));
    }

    [Fact]
    public void CorrectingEightHoursToSixPostsProjectOperationsActualsForAPartialCredit()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6));

        // Billed reversal of the 8 h; for the 6 h an unbilled chargeable actual, its reversal and an equivalent billed
        // actual; an unbilled chargeable actual for the remaining 2 h.
        Assert.Equal(
            [(Billed, -8m, -1600m, true, 1L), (Unbilled, 6m, 1200m, true, null), (Unbilled, -6m, -1200m, true, 3L), (Billed, 6m, 1200m, true, null), (Unbilled, 2m, 400m, true, null)],
            Actuals(outcome.Batch!.Value));
        var ledger = Ledger();
        Assert.All(ledger.Project.Where(a => a.Batch == 2), a => Assert.Equal(("INV-1C", 1, true, "P-1", "Time", "Anna", ProjectJournal.Day, 200m),
            (a.InvoiceNo, a.InvoiceLineNo, a.Correction, a.ProjectNo, a.TransactionType, a.Resource, a.Date, a.UnitPrice)));
        Assert.Equal(("INV-1C", "INV-1"), (ledger.ProjectInvoices.Single(i => i.InvoiceNo == "INV-1").CorrectedBy, ledger.ProjectInvoices.Single(i => i.InvoiceNo == "INV-1C").CorrectsInvoiceNo));
        Assert.Equal((6m, 2m), Net());
    }

    [Fact]
    public void ARemainderMarkedNonChargeableIsUnbilledAndNotChargeable()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6, remainder: "Non-chargeable"));

        Assert.Equal(
            [(Billed, -8m, -1600m, true, 1L), (Unbilled, 6m, 1200m, true, null), (Unbilled, -6m, -1200m, true, 3L), (Billed, 6m, 1200m, true, null), (Unbilled, 2m, 400m, false, null)],
            Actuals(outcome.Batch!.Value));
    }

    [Fact]
    public void AFullCreditReversesTheBilledActualAndKeepsEverythingUnbilled()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0));

        Assert.Equal([(Billed, -8m, -1600m, true, 1L), (Unbilled, 8m, 1600m, true, null)], Actuals(outcome.Batch!.Value));
        Assert.Equal((0m, 8m), Net());
    }

    [Fact]
    public void ACorrectionUpwardsWithNothingUnbilledBillsTheNewQuantity()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 10));

        Assert.Equal([(Billed, -8m, -1600m, true, 1L), (Billed, 10m, 2000m, true, null)], Actuals(outcome.Batch!.Value));
        Assert.Equal((10m, 0m), Net());
    }

    [Fact]
    public void CorrectedFromEightToSixAndBackToEightBillsTheUnbilledRemainderInsteadOfCountingItTwice()
    {
        BillEightHoursAt200();
        Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1D", "INV-1C", 1, 8));

        // Actual 5 is the 6 h billed by INV-1C, actual 6 its 2 h remainder.
        Assert.Equal([(Billed, -6m, -1200m, true, 5L), (Unbilled, -2m, -400m, true, 6L), (Billed, 8m, 1600m, true, null)], Actuals(outcome.Batch!.Value));
        Assert.Equal((8m, 0m), Net());
    }

    [Fact]
    public void ARaiseThatBillsPartOfTheRemainderKeepsTheRestUnbilled()
    {
        BillEightHoursAt200();
        Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6, remainder: "Non-chargeable"));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1D", "INV-1C", 1, 7));

        Assert.Equal(
            [(Billed, -6m, -1200m, true, 5L), (Unbilled, -2m, -400m, false, 6L), (Unbilled, 1m, 200m, false, null), (Billed, 7m, 1400m, true, null)],
            Actuals(outcome.Batch!.Value));
        Assert.Equal((7m, 1m), Net());
    }

    [Fact]
    public void AfterAFullCreditARaiseBillsWhatWasKeptUnbilled()
    {
        BillEightHoursAt200();
        Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1D", "INV-1C", 1, 8));

        Assert.Equal([(Unbilled, -8m, -1600m, true, 3L), (Billed, 8m, 1600m, true, null)], Actuals(outcome.Batch!.Value));
        Assert.Equal((8m, 0m), Net());
    }

    [Fact]
    public void ARaiseBeyondWhatWasDeliveredBillsTheRemainderAndTheNewQuantity()
    {
        BillEightHoursAt200();
        Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1D", "INV-1C", 1, 10));

        Assert.Equal([(Billed, -6m, -1200m, true, 5L), (Unbilled, -2m, -400m, true, 6L), (Billed, 10m, 2000m, true, null)], Actuals(outcome.Batch!.Value));
        Assert.Equal((10m, 0m), Net());
    }

    [Fact]
    public void ASecondCorrectionGoesThroughTheCorrectiveInvoiceAndReversesItsBilledActual()
    {
        BillEightHoursAt200();
        Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6));

        var viaOriginal = Post(ProjectJournal.New().Correction("INV-1D", "INV-1", 1, 5));
        var viaLatest = Posted(ProjectJournal.New().Correction("INV-1D", "INV-1C", 1, 5));

        Assert.Equal(
            "Row 2: invoice INV-1 line 1 was already corrected by invoice INV-1C; correct that invoice instead (Corrects Invoice No. INV-1C).",
            Refused(viaOriginal, "CorrectThroughLatestInvoice").Message);
        Assert.Equal(
            [(Billed, -6m, -1200m, true, 5L), (Unbilled, 5m, 1000m, true, null), (Unbilled, -5m, -1000m, true, 8L), (Billed, 5m, 1000m, true, null), (Unbilled, 1m, 200m, true, null)],
            Actuals(viaLatest.Batch!.Value));
        Assert.Equal((5m, 3m), Net());
        Assert.Equal("INV-1D", Ledger().ProjectInvoices.Single(i => i.InvoiceNo == "INV-1C").CorrectedBy);
        var third = Post(ProjectJournal.New().Correction("INV-1E", "INV-1", 1, 4));
        Assert.Contains("already corrected by invoice INV-1D", Refused(third, "CorrectThroughLatestInvoice").Message);
    }

    [Fact]
    public void ALongChainOfCorrectionsEndsWithBilledTheLatestQuantityAndUnbilledTheRestOfWhatWasDelivered()
    {
        BillEightHoursAt200();
        var quantities = new[] { 6m, 3m, 7m, 0m, 5m, 9m, 2m, 2.5m };
        var corrects = "INV-1";
        for (var i = 0; i < quantities.Length; i++)
        {
            Posted(ProjectJournal.New().Correction($"INV-1-{i}", corrects, 1, quantities[i]));
            corrects = $"INV-1-{i}";
            // Delivered is the most billed so far: 8 h until the raise to 9 h.
            var delivered = i < 5 ? 8m : 9m;
            Assert.Equal((quantities[i], delivered - quantities[i]), Net());
        }
    }

    [Fact]
    public void AFeeCreditedInPartKeepsNoUnbilledRemainder()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 4, 250m, type: "Fee", resource: ""));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 3, type: "Fee", resource: ""));

        Assert.Equal([(Billed, -4m, -1000m, true, 1L), (Unbilled, 3m, 750m, true, null), (Unbilled, -3m, -750m, true, 3L), (Billed, 3m, 750m, true, null)], Actuals(outcome.Batch!.Value));
        Assert.Equal((3m, 0m), Net());
    }

    [Fact]
    public void AFeeCreditedInFullIsKeptUnbilled()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 4, 250m, type: "Fee", resource: ""));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0, type: "Fee", resource: ""));

        Assert.Equal([(Billed, -4m, -1000m, true, 1L), (Unbilled, 4m, 1000m, true, null)], Actuals(outcome.Batch!.Value));
        Assert.Equal((0m, 4m), Net());
    }

    [Fact]
    public void AMilestoneIsCreditedInFullWithABilledReversalOnlyAndNeverInPart()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 1, 5000m, type: "Milestone", resource: ""));

        var partial = Post(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0.5m, type: "Milestone", resource: ""));
        var full = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0, type: "Milestone", resource: ""));

        Assert.Equal("Row 2: invoice INV-1 line 1 is a Milestone, and only full credits exist for a milestone: correct it to 0 (it is then ready to invoice again) or leave it at 1, not 0.5.",
            Refused(partial, "MilestoneFullCreditOrUnchanged").Message);
        Assert.Equal([(Billed, -1m, -5000m, true, 1L)], Actuals(full.Batch!.Value));
        Assert.Equal((0m, 0m), Net());
    }

    [Fact]
    public void AMaterialLineIsCorrectedLikeTime()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 4, 49.90m, type: "Material", resource: ""));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 1, type: "Material", resource: ""));

        Assert.Equal(
            [(Billed, -4m, -199.60m, true, 1L), (Unbilled, 1m, 49.90m, true, null), (Unbilled, -1m, -49.90m, true, 3L), (Billed, 1m, 49.90m, true, null), (Unbilled, 3m, 149.70m, true, null)],
            Actuals(outcome.Batch!.Value));
        Assert.Equal((1m, 3m), Net());
    }

    [Fact]
    public void AnExpenseCreditedInFullIsKeptUnbilled()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 2, 129.50m, type: "Expense", resource: "Anna"));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0, type: "Expense", remainder: "Non-chargeable"));

        Assert.Equal([(Billed, -2m, -259.00m, true, 1L), (Unbilled, 2m, 259.00m, false, null)], Actuals(outcome.Batch!.Value));
    }

    [Theory]
    [InlineData("Fee")]
    [InlineData("Milestone")]
    [InlineData("Material")]
    public void AFeeMilestoneOrMaterialLineNeedsNoResourceAndKeepsNone(string type)
    {
        var outcome = Posted(ProjectJournal.New().Line("INV-1", 1, 1, 100m, type: type, resource: "").Line("INV-1", 2, 1, 100m, type: type, resource: "Bo"));

        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(("ResourceOnlyOnTimeAndExpense", 3, $"Row 3: a {type} line has no resource; Resource 'Bo' is not posted."), (warning.Code, warning.Where.Row!.Value, warning.Message));
        Assert.All(Ledger().Project, a => Assert.Equal("", a.Resource));
    }

    [Theory]
    [InlineData("Time")]
    [InlineData("Expense")]
    public void ATimeOrExpenseLineWithoutResourceIsRefused(string type) =>
        Assert.Equal($"Row 2: Resource is required on a {type} line.",
            Refused(Post(ProjectJournal.New().Line("INV-1", 1, 8, 200m, type: type, resource: "")), "ResourceRequired").Message);

    [Fact]
    public void ACorrectionWhoseResourceDateOrTypeDiffersFromTheTransactionIsRefusedNamingBoth()
    {
        BillEightHoursAt200();

        var outcome = Post(ProjectJournal.New()
            .Correction("INV-1C", "INV-1", 1, 6, resource: "Bo", date: ProjectJournal.Day.AddDays(1))
            .Correction("INV-2C", "INV-1", 1, 6, type: "Expense"));

        Assert.Equal("Row 2: Resource 'Bo' differs from 'Anna' of invoice INV-1 line 1; a correction keeps the resource of the transaction it corrects.",
            Assert.Single(outcome.Errors, e => e.Code == "SameResourceAsCorrected").Message);
        Assert.Equal("Row 2: Date 2026-11-07 differs from 2026-11-06 of invoice INV-1 line 1; a correction keeps the date of the transaction it corrects.",
            Assert.Single(outcome.Errors, e => e.Code == "SameDateAsCorrected").Message);
        Assert.Equal("Row 3: Transaction Type Expense differs from Time of invoice INV-1 line 1; a correction keeps the type of the transaction it corrects.",
            Assert.Single(outcome.Errors, e => e.Code == "SameTransactionTypeAsCorrected").Message);
        Assert.Equal(1, LedgerQueries.Count(_db, "project_actual"));
    }

    [Fact]
    public void ADraftInvoiceIsNotPosted()
    {
        var outcome = Post(ProjectJournal.New().Line("INV-9", 1, 8, 200m, status: "Draft"));

        Assert.Equal("Row 2: invoice INV-9 is a Draft: a draft is not yet an invoice and is not posted. Confirm it first.", Refused(outcome, "NotDraft").Message);
        Assert.Equal(0, LedgerQueries.Count(_db, "project_actual"));
    }

    [Fact]
    public void ACorrectionOfALineTheInvoiceDoesNotHaveIsRefused()
    {
        BillEightHoursAt200();

        Assert.Equal("Row 2: invoice INV-1 has no line 2.", Refused(Post(ProjectJournal.New().Correction("INV-1C", "INV-1", 2, 1)), "CorrectedLineExists").Message);
    }

    [Fact]
    public void ANegativeCorrectedQuantityIsRefused()
    {
        BillEightHoursAt200();

        Assert.Equal("Row 2: the corrected quantity -1 is negative; give the quantity that should have been billed (0 for a full credit).",
            Refused(Post(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, -1)), "CorrectedQuantityNotNegative").Message);
    }

    [Fact]
    public void AnUnchangedQuantityIsAWarningAndPostsNothingForThatLine()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 8, 200m).Line("INV-1", 2, 3, 150m, type: "Expense", resource: "Bo"));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 8).Correction("INV-1C", "INV-1", 2, 1, type: "Expense", resource: "Bo"));

        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(("QuantityChanged", 2), (warning.Code, warning.Where.Row!.Value));
        Assert.Equal([(Billed, -3m, -450m, true, 2L), (Unbilled, 1m, 150m, true, null), (Unbilled, -1m, -150m, true, 4L), (Billed, 1m, 150m, true, null), (Unbilled, 2m, 300m, true, null)],
            Actuals(outcome.Batch!.Value));
    }

    [Fact]
    public void OnlyTheLinesInTheWorkbookAreCorrectedAndSumsStayExactToTheCent()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 7.5m, 133.33m).Line("INV-1", 2, 3, 19.99m, type: "Expense", resource: "Taxi").Line("INV-1", 3, 1, 0.10m, type: "Fee", resource: ""));
        Assert.Equal((999.98m + 59.97m + 0.10m, 0m), Sums());

        Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 2, 1, type: "Expense", resource: "Taxi"));

        Assert.Equal((1060.05m - 59.97m + 19.99m, 39.98m), Sums());
        Assert.DoesNotContain(Ledger().Project, a => a.Batch == 2 && a.InvoiceLineNo != 2);

        var outcome = Posted(ProjectJournal.New().Correction("INV-1D", "INV-1", 1, 0.25m));

        // 0.25 h at 133.33 is 33.3325, billed as 33.33; the remainder is what was taken off, 999.98 - 33.33 = 966.65.
        Assert.Equal(
            [(Billed, -7.5m, -999.98m, true, 1L), (Unbilled, 0.25m, 33.33m, true, null), (Unbilled, -0.25m, -33.33m, true, 10L), (Billed, 0.25m, 33.33m, true, null), (Unbilled, 7.25m, 966.65m, true, null)],
            Actuals(outcome.Batch!.Value));
        Assert.Equal((1020.07m - 999.98m + 33.33m, 39.98m + 966.65m), Sums());
        Assert.Equal(1060.05m, Sums().Billed + Sums().Unbilled);
        // A corrective invoice moves value between billed and unbilled: its actuals add up to zero.
        var perInvoice = Ledger().Project.GroupBy(a => a.InvoiceNo).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));
        Assert.Equal((1060.05m, 0m, 0m), (perInvoice["INV-1"], perInvoice["INV-1C"], perInvoice["INV-1D"]));
    }

    [Fact]
    public void ACorrectionOfAnInvoiceNeverPostedIsRefused() =>
        Assert.Equal("Row 2: invoice INV-404 was not posted, so it cannot be corrected.", Refused(Post(ProjectJournal.New().Correction("INV-1C", "INV-404", 1, 1)), "CorrectedInvoiceExists").Message);

    private (decimal Billed, decimal Unbilled) Sums()
    {
        var actuals = Ledger().Project.Where(a => a.ProjectNo == "P-1").ToList();
        return (actuals.Where(a => a.ActualType == ProjectActualType.BilledSales).Sum(a => a.Amount), actuals.Where(a => a.ActualType == ProjectActualType.UnbilledSales).Sum(a => a.Amount));
    }

    [Fact]
    public void AnInvoiceNumberAnotherFilePostedIsRefusedNamingItsBatch()
    {
        BillEightHoursAt200();

        var outcome = Post(ProjectJournal.New().Line("INV-2", 1, 3, 150m).Line("INV-1", 1, 8, 200m, resource: "Bo"));

        Assert.Equal(
            "Row 3: invoice INV-1 was already posted (batch 1); a correction is a new corrective invoice with Corrects Invoice No. INV-1.",
            Refused(outcome, "InvoiceNotPostedBefore").Message);
        Assert.Single(Ledger().Project);
    }

    private static Engine.Problems.Problem Refused(PostingOutcome outcome, string rule)
    {
        Assert.Equal((PostingStatus.Rejected, ExitCodes.Refused), (outcome.Status, outcome.ExitCode));
        return Assert.Single(outcome.Errors, e => e.Code == rule);
    }
}
