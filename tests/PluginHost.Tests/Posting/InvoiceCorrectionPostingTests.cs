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

    [Fact]
    public void CorrectingEightHoursToSixReversesBillsSixAndKeepsTwoUnbilled()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6));

        Assert.Equal(
            [(ProjectActualType.BilledSales, -8m, -1600m, true, 1L), (ProjectActualType.BilledSales, 6m, 1200m, true, null), (ProjectActualType.UnbilledSales, 2m, 400m, true, null)],
            Actuals(outcome.Batch!.Value));
        var ledger = Ledger();
        Assert.All(ledger.Project.Where(a => a.Batch == 2), a => Assert.Equal(("INV-1C", 1, true), (a.InvoiceNo, a.InvoiceLineNo, a.Correction)));
        Assert.Equal(("INV-1C", "INV-1"), (ledger.ProjectInvoices.Single(i => i.InvoiceNo == "INV-1").CorrectedBy, ledger.ProjectInvoices.Single(i => i.InvoiceNo == "INV-1C").CorrectsInvoiceNo));
    }

    [Fact]
    public void ARemainderMarkedNonChargeableIsUnbilledAndNotChargeable()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 6, remainder: "Non-chargeable"));

        Assert.Equal(
            [(ProjectActualType.BilledSales, -8m, -1600m, true, 1L), (ProjectActualType.BilledSales, 6m, 1200m, true, null), (ProjectActualType.UnbilledSales, 2m, 400m, false, null)],
            Actuals(outcome.Batch!.Value));
    }

    [Fact]
    public void AFullCreditReversesTheBilledActualAndKeepsEverythingUnbilled()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0));

        Assert.Equal([(ProjectActualType.BilledSales, -8m, -1600m, true, 1L), (ProjectActualType.UnbilledSales, 8m, 1600m, true, null)], Actuals(outcome.Batch!.Value));
    }

    [Fact]
    public void ACorrectionUpwardsBillsTheNewQuantityWithNoUnbilledRemainder()
    {
        BillEightHoursAt200();

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 10));

        Assert.Equal([(ProjectActualType.BilledSales, -8m, -1600m, true, 1L), (ProjectActualType.BilledSales, 10m, 2000m, true, null)], Actuals(outcome.Batch!.Value));
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
            [(ProjectActualType.BilledSales, -6m, -1200m, true, 3L), (ProjectActualType.BilledSales, 5m, 1000m, true, null), (ProjectActualType.UnbilledSales, 1m, 200m, true, null)],
            Actuals(viaLatest.Batch!.Value));
        Assert.Equal("INV-1D", Ledger().ProjectInvoices.Single(i => i.InvoiceNo == "INV-1C").CorrectedBy);
        var third = Post(ProjectJournal.New().Correction("INV-1E", "INV-1", 1, 4));
        Assert.Contains("already corrected by invoice INV-1D", Refused(third, "CorrectThroughLatestInvoice").Message);
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
    public void AMilestoneIsCreditedInFullOrLeftAlone()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 1, 5000m, type: "Milestone"));

        var partial = Post(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0.5m, type: "Milestone"));
        var full = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 0, type: "Milestone"));

        Assert.Equal("Row 2: invoice INV-1 line 1 is a Milestone: it is either credited in full (quantity 0) or left unchanged (1), not corrected to 0.5.",
            Refused(partial, "MilestoneFullCreditOrUnchanged").Message);
        Assert.Equal([(ProjectActualType.BilledSales, -1m, -5000m, true, 1L), (ProjectActualType.UnbilledSales, 1m, 5000m, true, null)], Actuals(full.Batch!.Value));
    }

    [Fact]
    public void AMaterialLineCannotBeCorrectedOnAnInvoice()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 3, 49.90m, type: "Material"));

        var outcome = Post(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 2, type: "Material"));

        Assert.Equal("Row 2: invoice INV-1 line 1 is a Material line; material cannot be corrected on an invoice. Adjust it through a project journal (an item journal for the material).",
            Refused(outcome, "MaterialNotCorrected").Message);
    }

    [Fact]
    public void AnUnchangedQuantityIsAWarningAndPostsNothingForThatLine()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 8, 200m).Line("INV-1", 2, 3, 150m, type: "Expense", resource: "Hotel"));

        var outcome = Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 1, 8).Correction("INV-1C", "INV-1", 2, 1, type: "Expense"));

        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(("QuantityChanged", 2), (warning.Code, warning.Where.Row!.Value));
        Assert.Equal([(ProjectActualType.BilledSales, -3m, -450m, true, 2L), (ProjectActualType.BilledSales, 1m, 150m, true, null), (ProjectActualType.UnbilledSales, 2m, 300m, true, null)],
            Actuals(outcome.Batch!.Value));
    }

    [Fact]
    public void OnlyTheLinesInTheWorkbookAreCorrectedAndSumsStayExactToTheCent()
    {
        Posted(ProjectJournal.New().Line("INV-1", 1, 7.5m, 133.33m).Line("INV-1", 2, 3, 19.99m, type: "Expense", resource: "Taxi").Line("INV-1", 3, 1, 0.10m, type: "Fee", resource: "Admin"));
        Assert.Equal((999.98m + 59.97m + 0.10m, 0m), Sums());

        Posted(ProjectJournal.New().Correction("INV-1C", "INV-1", 2, 1, type: "Expense"));

        Assert.Equal((1060.05m - 59.97m + 19.99m, 39.98m), Sums());
        Assert.DoesNotContain(Ledger().Project, a => a.Batch == 2 && a.InvoiceLineNo != 2);

        var outcome = Posted(ProjectJournal.New().Correction("INV-1D", "INV-1", 1, 0.25m));

        // 0.25 h at 133.33 is 33.3325, billed as 33.33; the remainder is what was taken off, 999.98 - 33.33 = 966.65.
        Assert.Equal([(ProjectActualType.BilledSales, -7.5m, -999.98m, true, 1L), (ProjectActualType.BilledSales, 0.25m, 33.33m, true, null), (ProjectActualType.UnbilledSales, 7.25m, 966.65m, true, null)],
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
