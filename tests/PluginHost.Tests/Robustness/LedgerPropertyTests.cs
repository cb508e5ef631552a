using FsCheck;
using FsCheck.Fluent;
using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Robustness;

/// <summary>
/// Random sequences of postings and corrections across the three plugins, many of which must be refused (reversing
/// more than remains, returning more than was invoiced, a return not yet received, a correction that changes nothing,
/// an entry or invoice that does not exist, a file posted before), each posted for real into one SQLite file. After
/// every step: the outcome is the one the model predicts, no invariant is violated, and the ledgers' sums equal the model's.
/// </summary>
public sealed class LedgerPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>One step: a kind of workbook and three numbers the step reads its lines from, against the model's state.</summary>
    public sealed record Step(int Kind, int A, int B, int C);

    private const int Sequences = 30;
    private const int MaxSteps = 14;
    private readonly Dictionary<string, int> _seen = [];

    [Fact]
    public void RandomSequencesOfPostingsAndCorrectionsNeverBreakAnInvariantAndTheLedgersAgreeWithASimpleModel()
    {
        var step = Gen.Choose(0, 6).SelectMany(kind => Gen.Choose(0, 1000), (kind, a) => (kind, a))
            .SelectMany(_ => Gen.Choose(0, 1000), (ka, b) => (ka.kind, ka.a, b))
            .SelectMany(_ => Gen.Choose(0, 1000), (kab, c) => new Step(kab.kind, kab.a, kab.b, c));
        var sequences = Gen.Choose(1, MaxSteps).SelectMany(length => step.ArrayOf(length));
        // Shrinking drops one step at a time, so a failure comes back as the shortest sequence that still fails.
        var arbitrary = Arb.From(sequences, steps => Enumerable.Range(0, steps.Length).Select(i => steps.Where((_, j) => j != i).ToArray()));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Sequences).WithQuietOnSuccess(true), Prop.ForAll(arbitrary, Run));

        output.WriteLine($"{Sequences} sequences: " + string.Join(", ", _seen.OrderBy(s => s.Key).Select(s => $"{s.Value} {s.Key}")));
        Assert.All(new[] { PostingStatus.Posted, PostingStatus.Rejected, PostingStatus.Duplicate }, status => Assert.True(_seen.GetValueOrDefault(status) > 0, $"no step was {status}"));
    }

    private void Run(Step[] steps)
    {
        using var temp = new TempFolder();
        var db = temp.File("ledger.db");
        var model = new LedgerModel();
        var postedFiles = new List<string>();
        for (var n = 0; n < steps.Length; n++)
        {
            var path = temp.File($"step-{n}.xlsx");
            var (expected, apply) = Prepare(steps[n], n, path, model, postedFiles);
            var outcome = TestHost.Post(db, path);
            _seen[outcome.Status] = _seen.GetValueOrDefault(outcome.Status) + 1;

            Assert.True(outcome.Status == expected,
                $"step {n} {steps[n]}: expected {expected}, got {outcome.Status}: {string.Join(" | ", outcome.Problems.Select(p => p.Message))}");
            if (outcome.Status == PostingStatus.Posted)
            {
                using (var store = LedgerStore.Open(db))
                    apply(store.Entries(outcome.Batch));
                model.PostedBatches++;
                postedFiles.Add(path);
            }
            AssertLedgerMatches(db, model, $"after step {n} {steps[n]}");
        }
    }

    /// <summary>Writes the step's workbook; returns what the model expects of it, and how a posting changes the model.</summary>
    private static (string Expected, Action<BatchEntries> Apply) Prepare(Step step, int n, string path, LedgerModel model, List<string> postedFiles)
    {
        switch (step.Kind)
        {
            case 0:
                return Outputs(step, n, path, model);
            case 1:
                return Reversals(step, n, path, model);
            case 2:
                return SalesInvoice(step, n, path, model);
            case 3:
                return Returns(step, n, path, model);
            case 4:
                return ProjectInvoice(step, n, path, model);
            case 5:
                return ProjectCorrection(step, n, path, model);
            default:
                if (postedFiles.Count == 0)
                    return Outputs(step, n, path, model);
                File.Copy(postedFiles[step.A % postedFiles.Count], path); // the same content under another name
                return (PostingStatus.Duplicate, _ => { });
        }
    }

    private static (string, Action<BatchEntries>) Outputs(Step step, int n, string path, LedgerModel model)
    {
        var journal = OutputJournal.New();
        var lines = Enumerable.Range(0, step.A % 3 + 1).Select(j => (Quantity: (decimal)((step.B + j) % 9 + 1), RunTime: (step.C + j) % 5 + 0.5m)).ToList();
        foreach (var (line, j) in lines.Select((l, j) => (l, j)))
            journal.Output(line.Quantity, line.RunTime, prodOrder: $"PO-{n}", document: $"OUT-{n}-{j}");
        journal.WriteTo(path);
        return (PostingStatus.Posted, entries =>
        {
            foreach (var entry in entries.Items.OrderBy(e => e.EntryNo))
                model.Outputs.Add(new LedgerModel.Output(entry.EntryNo, entry.Quantity) { ProdOrderNo = entry.ProdOrderNo! });
            model.OutputRunTime += lines.Sum(l => l.RunTime);
        });
    }

    private static (string, Action<BatchEntries>) Reversals(Step step, int n, string path, LedgerModel model)
    {
        var journal = OutputJournal.New();
        var claims = new List<(LedgerModel.Output? Output, decimal Quantity)>();
        for (var j = 0; j < step.A % 2 + 1; j++)
        {
            if (model.Outputs.Count == 0 || (step.C + j) % 7 == 0)
            {
                journal.Reversal(999_999, -1, 0, document: $"REV-{n}-{j}"); // an entry that does not exist
                claims.Add((null, 1));
                continue;
            }
            var output = model.Outputs[(step.B + j * 31) % model.Outputs.Count];
            var quantity = (step.C + j * 13) % (int)(output.Quantity + 2) + 1; // up to two more than the entry ever had
            journal.Reversal(output.EntryNo, -quantity, 0, prodOrder: output.ProdOrderNo, document: $"REV-{n}-{j}");
            claims.Add((output, quantity));
        }
        journal.WriteTo(path);
        var accepted = claims.All(c => c.Output is not null) &&
            claims.GroupBy(c => c.Output!).All(g => g.Sum(c => c.Quantity) <= g.Key.Remaining);
        return (accepted ? PostingStatus.Posted : PostingStatus.Rejected, _ =>
        {
            foreach (var (output, quantity) in claims)
                output!.Remaining -= quantity;
        });
    }

    private static (string, Action<BatchEntries>) SalesInvoice(Step step, int n, string path, LedgerModel model)
    {
        var journal = SalesJournal.New();
        var lines = Enumerable.Range(0, step.A % 2 + 1)
            .Select(j => new LedgerModel.SaleLine($"INV-{n}", j + 1, (step.B + j) % 5 + 1, 1 + (step.C + j * 7) % 997 / 100m)).ToList();
        foreach (var line in lines)
            journal.Sale(line.InvoiceNo, line.LineNo, line.Quantity, line.UnitPrice, order: $"SO-{n}");
        journal.WriteTo(path);
        return (PostingStatus.Posted, _ => model.SaleLines.AddRange(lines));
    }

    private static (string, Action<BatchEntries>) Returns(Step step, int n, string path, LedgerModel model)
    {
        var journal = SalesJournal.New();
        if (model.SaleLines.Count == 0)
        {
            journal.Return("INV-NONE", 1, -1, 1m, order: $"RO-{n}", rma: $"RMA-{n}").WriteTo(path);
            return (PostingStatus.Rejected, _ => { });
        }
        var awaiting = step.C % 6 == 5;
        var claims = new List<(LedgerModel.SaleLine Line, decimal Quantity)>();
        for (var j = 0; j < step.A % 2 + 1; j++)
        {
            var line = model.SaleLines[(step.B + j * 17) % model.SaleLines.Count];
            var quantity = (step.C + j * 5) % (int)(line.Quantity + 1) + 1; // up to one more than was invoiced
            journal.Return(line.InvoiceNo, line.LineNo, -quantity, line.UnitPrice, order: $"RO-{n}", rma: $"RMA-{n}", status: awaiting && j == 0 ? "Awaiting" : "Received");
            claims.Add((line, quantity));
        }
        journal.WriteTo(path);
        var accepted = !awaiting && claims.GroupBy(c => c.Line).All(g => g.Sum(c => c.Quantity) <= g.Key.Quantity - g.Key.Returned);
        return (accepted ? PostingStatus.Posted : PostingStatus.Rejected, _ =>
        {
            foreach (var (line, quantity) in claims)
                line.Returned += quantity;
        });
    }

    private static (string, Action<BatchEntries>) ProjectInvoice(Step step, int n, string path, LedgerModel model)
    {
        var price = 100m + step.C % 50;
        var quantities = Enumerable.Range(0, step.A % 2 + 1).Select(j => (decimal)((step.B + j) % 8 + 1)).ToList();
        var journal = ProjectJournal.New();
        foreach (var (quantity, j) in quantities.Select((q, j) => (q, j)))
            journal.Line($"PI-{n}", j + 1, quantity, price);
        journal.WriteTo(path);
        return (PostingStatus.Posted, _ => model.Projects.Add(new LedgerModel.ProjectChain($"PI-{n}", price, quantities)));
    }

    private static (string, Action<BatchEntries>) ProjectCorrection(Step step, int n, string path, LedgerModel model)
    {
        if (model.Projects.Count == 0)
        {
            ProjectJournal.New().Correction($"PI-NONE-C{n}", "PI-NONE", 1, 1).WriteTo(path);
            return (PostingStatus.Rejected, _ => { });
        }
        var chain = model.Projects[step.B % model.Projects.Count];
        var line = step.A % chain.Billed.Count;
        var billed = chain.Billed[line];
        // Mostly lower the line; sometimes raise it (billing what is unbilled first, perhaps more than was delivered),
        // leave it (a warning: the line posts nothing), go negative, or correct through the original after a later
        // invoice already corrected the line (both refused).
        var quantity = (step.C % 9) switch
        {
            0 => billed,
            1 => -1,
            3 or 4 => billed + 1 + step.B % 3,
            _ => billed == 0 ? 0 : step.C % billed,
        };
        var corrects = step.C % 9 == 2 ? chain.OriginalNo : chain.LatestNo[line];
        var invoice = $"{chain.OriginalNo}-C{n}";
        ProjectJournal.New().Correction(invoice, corrects, line + 1, quantity).WriteTo(path);
        var accepted = quantity >= 0 && corrects == chain.LatestNo[line];
        return (accepted ? PostingStatus.Posted : PostingStatus.Rejected, _ =>
        {
            if (quantity == billed)
                return;
            chain.Billed[line] = quantity;
            chain.Delivered[line] = Math.Max(chain.Delivered[line], quantity);
            chain.LatestNo[line] = invoice;
        });
    }

    private static void AssertLedgerMatches(string db, LedgerModel model, string when)
    {
        using var store = LedgerStore.Open(db);
        var violations = LedgerCheck.Run(store);
        Assert.True(violations.Count == 0, $"{when}: {string.Join("; ", violations)}");
        var ledger = store.Entries();
        var actual = new
        {
            Output = ledger.Items.Where(e => e.EntryType == ItemEntryType.Output).Sum(e => e.Quantity),
            RunTime = ledger.Capacity.Sum(c => c.RunTime),
            Sale = ledger.Items.Where(e => e.EntryType == ItemEntryType.Sale).Sum(e => e.Quantity),
            Customers = ledger.Customer.Sum(c => c.Amount),
            Open = ledger.Customer.Sum(c => c.RemainingAmount),
            Billed = ledger.Project.Where(a => a.ActualType == ProjectActualType.BilledSales).Sum(a => a.Amount),
            Unbilled = ledger.Project.Where(a => a.ActualType == ProjectActualType.UnbilledSales).Sum(a => a.Amount),
            Posted = store.Batches().Count(b => b.Status == BatchStatus.Posted),
        };
        var expected = new
        {
            Output = model.OutputQuantity, RunTime = model.OutputRunTime, Sale = model.SaleQuantity, Customers = model.CustomerBalance, Open = model.CustomerBalance,
            model.Billed, model.Unbilled, Posted = model.PostedBatches,
        };
        Assert.True(expected.Equals(actual), $"{when}: the ledgers hold {actual}, the model {expected}");
    }
}
