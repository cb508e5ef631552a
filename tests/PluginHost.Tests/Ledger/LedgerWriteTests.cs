using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Ledger;

/// <summary>The host's own writes of a batch: what SQLite refuses arrives in SQLite's words, and the batch stays usable.</summary>
public sealed class LedgerWriteTests : TempFolderTest
{
    private static ItemLedgerEntry Reversal(long entryNo, long batch, decimal quantity, string? prodOrderNo) => new()
    {
        EntryNo = entryNo, Batch = batch, Row = 2, PostingDate = new DateOnly(2026, 11, 3), EntryType = ItemEntryType.Output, DocumentNo = "REV-1",
        ItemNo = "ITEM-1", ProdOrderNo = prodOrderNo, CustomerNo = null, Quantity = -quantity, RemainingQuantity = 0, Open = false, AppliesToEntry = 1,
    };

    [Fact]
    public void AnEntryATriggerRefusesIsRefusedInTheTriggersWordsAndTheSameTransactionStillWritesAndCommits()
    {
        var db = Temp.File("ledger.db");
        Assert.Equal(PostingStatus.Posted, TestHost.Post(db, OutputJournal.New().Output(10, 120).WriteTo(Temp.File("originals.xlsx"))).Status);
        using (var store = LedgerStore.Open(db))
        using (var transaction = store.BeginBatch())
        {
            var batch = transaction.CreateBatch(new BatchRecord
            {
                Plugin = "test", FileName = "f.xlsx", FileSha256 = "ab", Sheet = "s", User = "u", CreatedAt = DateTimeOffset.UnixEpoch, LineCount = 1,
                Status = BatchStatus.Posted, Workflow = "w", RulesSha256 = "cd",
            }, []);

            var tooMuch = Reversal(transaction.NextEntryNo(LedgerKind.Item), batch, 12, "PO-1");
            var refused = Assert.Throws<LedgerInvariantException>(() => transaction.Write(new PostingResult { ItemEntries = [tooMuch] }));
            Assert.Equal("the batch breaks a ledger invariant: SQLite Error 19: 'item entries applied to one entry exceed its quantity'.", refused.Message);

            // The refused statement was reset: it binds again, and COMMIT is not kept waiting by a statement in progress.
            transaction.Write(new PostingResult { ItemEntries = [Reversal(transaction.NextEntryNo(LedgerKind.Item), batch, 4, "")] });
            transaction.Commit();
        }

        using var reopened = LedgerStore.Open(db);
        var written = reopened.ItemEntries().Single(e => e.AppliesToEntry == 1);
        Assert.Equal(-4m, written.Quantity);
        Assert.Equal("", written.ProdOrderNo); // an empty text stays empty, not NULL
        Assert.Null(written.CustomerNo);
    }
}
