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
}
