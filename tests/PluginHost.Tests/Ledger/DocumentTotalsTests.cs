using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Ledger;

/// <summary>
/// The first document totals, counts and sums a posting's report shows are kept as the entries are written
/// (<see cref="DocumentTotals"/>, <see cref="BatchTally"/>); the report of a recorded batch sums them with SQL. Both must agree.
/// </summary>
public sealed class DocumentTotalsTests : TempFolderTest
{
    private static readonly DateOnly Day = new(2026, 11, 3);

    [Fact]
    public void TheTotalsKeptWhileWritingEqualTheTotalsSqlGroupsForMoreDocumentsThanTheReportShows()
    {
        using var store = LedgerStore.Open(Temp.File("ledger.db"));
        BatchSummary kept;
        long batch;
        using (var transaction = store.BeginBatch())
        {
            batch = transaction.CreateBatch(new BatchRecord
            {
                Plugin = "test", FileName = "f.xlsx", FileSha256 = "ab", Sheet = "s", User = "u", CreatedAt = DateTimeOffset.UnixEpoch, LineCount = 1,
                Status = BatchStatus.Posted, Workflow = "w", RulesSha256 = "cd",
            }, []);
            // 1,600 documents in a shuffled order, written in several calls, each in one to three ledgers, some more than
            // once; their numbers mix cases, a private-use character (U+E000) and one beyond U+FFFF, where UTF-16 order
            // and SQLite's (UTF-8 bytes) differ.
            var random = new Random(7);
            string[] tails = ["a", "B", "\uE000", "\U0001D11E", "z", "é"];
            var documents = Enumerable.Range(0, 1600).Select(i => $"D{i % 97:D2}{tails[i % tails.Length]}{i}").OrderBy(_ => random.Next()).ToList();
            foreach (var part in documents.Chunk(300))
            {
                var result = new PostingResult();
                var items = new List<ItemLedgerEntry>();
                var capacity = new List<CapacityLedgerEntry>();
                var customer = new List<CustomerLedgerEntry>();
                foreach (var document in part)
                {
                    for (var copies = 1 + random.Next(2); copies > 0; copies--)
                    {
                        var item = Item(transaction.NextEntryNo(LedgerKind.Item), batch, document, random.Next(1, 900) / 100m);
                        items.Add(item);
                        if (random.Next(3) > 0)
                            capacity.Add(Capacity(transaction.NextEntryNo(LedgerKind.Capacity), batch, document, item.EntryNo, random.Next(1, 5000) / 1000m));
                    }
                    if (random.Next(4) == 0)
                        customer.Add(Invoice(transaction.NextEntryNo(LedgerKind.Customer), batch, document, random.Next(1, 100000) / 100m));
                }
                transaction.Write(result with { ItemEntries = items, CapacityEntries = capacity, CustomerEntries = customer });
            }
            // Two sales invoices and a credit note, counted as documents; a project invoice with billed and unbilled
            // actuals, whose number sorts first, so its totals are shown.
            transaction.Write(new PostingResult
            {
                SalesInvoices = [SalesInvoice(batch, "SI-1"), SalesInvoice(batch, "SI-2")],
                CreditNotes = [new() { CreditNoteNo = "CM-1", Batch = batch, Row = 2, ReturnOrderNo = "RO-1", RmaNo = "RMA-1", CustomerNo = "C-1", PostingDate = Day, Amount = -10m }],
                ProjectInvoices = [new() { InvoiceNo = "0-PI-1", Batch = batch, Row = 2, ProjectNo = "P-1", CustomerNo = "C-1", Status = "Confirmed" }],
                ProjectActuals =
                [
                    Actual(transaction.NextEntryNo(LedgerKind.Project), batch, ProjectActualType.BilledSales, 640m),
                    Actual(transaction.NextEntryNo(LedgerKind.Project), batch, ProjectActualType.UnbilledSales, 160.25m),
                    Actual(transaction.NextEntryNo(LedgerKind.Project), batch, ProjectActualType.BilledSales, -80m),
                ],
            });
            kept = transaction.Summary(1000);
            transaction.Commit();
        }

        var grouped = store.Summary(batch, 1000); // a recorded batch: grouped with SQL
        Assert.Equal(1000, kept.Documents.Count);
        Assert.Equal(grouped.Documents, kept.Documents);
        Assert.Equal(grouped.DocumentCount, kept.DocumentCount);
        Assert.Equal(grouped.Counts, kept.Counts); // counted while writing (BatchTally) and with SQL
        Assert.Equal(grouped.Sums, kept.Sums);
        Assert.Equal((560m, 160.25m), (kept.Sums.Billed, kept.Sums.Unbilled));
        Assert.Equal((2, 1, 1, 3), (kept.Counts.Invoices, kept.Counts.CreditNotes, kept.Counts.ProjectInvoices, kept.Counts.Project));
        Assert.Equal(new DocumentSums("0-PI-1", 3, 3, new LedgerSums(Billed: 560m, Unbilled: 160.25m)), kept.Documents[0]);
        Assert.True(kept.DocumentCount > 1600 * 2, $"{kept.DocumentCount} document totals");
        Assert.Contains(kept.Documents, d => d.Document.Contains('\uE000', StringComparison.Ordinal));
    }

    [Fact]
    public void FewerDocumentsThanTheReportShowsAreCountedWithoutAskingSqlAndEqualItsGrouping()
    {
        var db = Temp.File("ledger.db");
        Assert.Equal(PostingStatus.Posted, TestHost.Post(db, OutputJournal.New().Output(10, 120, document: "B-2").Output(5, 60, document: "A-1").Output(3, 30, document: "B-2").WriteTo(Temp.File("out.xlsx"))).Status);
        using var store = LedgerStore.Open(db);
        var batch = store.Batches().Single().Id;
        var model = Engine.Reports.ReportModelJson.Deserialize(store.ReportModel(batch)!)!;
        var grouped = store.Summary(batch, 1000);

        Assert.Equal(4, grouped.DocumentCount);
        Assert.Equal(grouped.Documents.Select(d => d.Document), model.DocumentTotals.Select(d => d.Document));
        Assert.Equal(["A-1", "A-1", "B-2", "B-2"], model.DocumentTotals.Select(d => d.Document));
        Assert.Equal(2, model.DocumentTotals[2].Entries);
        Assert.Equal(grouped.Counts.Ledgers()["item"], model.Totals[0].Entries);
    }

    private static ItemLedgerEntry Item(long entryNo, long batch, string document, decimal quantity) => new()
    {
        EntryNo = entryNo, Batch = batch, Row = 2, PostingDate = Day, EntryType = ItemEntryType.Output, DocumentNo = document,
        ItemNo = "ITEM-1", ProdOrderNo = "PO-1", Quantity = quantity, RemainingQuantity = quantity, Open = true,
    };

    private static CapacityLedgerEntry Capacity(long entryNo, long batch, string document, long itemEntryNo, decimal runTime) => new()
    {
        EntryNo = entryNo, Batch = batch, Row = 2, PostingDate = Day, DocumentNo = document, ProdOrderNo = "PO-1", OperationNo = "10",
        ItemNo = "ITEM-1", RunTime = runTime, OutputQuantity = 1, ItemEntryNo = itemEntryNo,
    };

    private static SalesInvoice SalesInvoice(long batch, string number) =>
        new() { InvoiceNo = number, Batch = batch, Row = 2, OrderNo = "SO-1", CustomerNo = "C-1", PostingDate = Day, Amount = 100m };

    private static ProjectActual Actual(long actualId, long batch, ProjectActualType type, decimal amount) => new()
    {
        ActualId = actualId, Batch = batch, Row = 2, ProjectNo = "P-1", InvoiceNo = "0-PI-1", InvoiceLineNo = 1, TransactionType = "Time",
        Resource = "R-1", Date = Day, Quantity = 1, UnitPrice = amount, Amount = amount, ActualType = type, Chargeable = true, Correction = false,
    };

    private static CustomerLedgerEntry Invoice(long entryNo, long batch, string document, decimal amount) => new()
    {
        EntryNo = entryNo, Batch = batch, Row = 2, PostingDate = Day, CustomerNo = "C-1", DocumentType = CustomerDocumentType.Invoice,
        DocumentNo = document, Amount = amount, RemainingAmount = amount,
    };
}
