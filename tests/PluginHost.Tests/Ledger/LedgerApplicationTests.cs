using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Ledger;

/// <summary>What the host writes for an item application, whatever a plugin asks: never below zero, never to a missing entry.</summary>
public sealed class LedgerApplicationTests : TempFolderTest
{
    private string PostedLedger()
    {
        var db = Temp.File("ledger.db");
        Assert.Equal(PostingStatus.Posted, TestHost.Post(db, OutputJournal.New().Output(10, 120).WriteTo(Temp.File("originals.xlsx"))).Status);
        return db;
    }

    private static LedgerInvariantException Apply(string db, ItemApplication application)
    {
        using var store = LedgerStore.Open(db);
        using var transaction = store.BeginBatch();
        transaction.CreateBatch(new BatchRecord
        {
            Plugin = "test", FileName = "f.xlsx", FileSha256 = "ab", Sheet = "s", User = "u", CreatedAt = DateTimeOffset.UnixEpoch, LineCount = 1,
            Status = BatchStatus.Posted, Workflow = "w", RulesSha256 = "cd",
        }, []);
        return Assert.Throws<LedgerInvariantException>(() => transaction.Write(new PostingResult { ItemApplications = [application] }));
    }

    [Fact]
    public void AnApplicationOfMoreThanRemainsIsRefusedSayingWhatIsLeft()
    {
        var db = PostedLedger();

        var refused = Apply(db, new ItemApplication(1, 12, 4));

        Assert.Equal("row 4: item entry 1 has 10 left; applying 12 would take it below zero", refused.Message);
        using var store = LedgerStore.Open(db);
        Assert.Equal(10m, store.ItemEntries().Single().RemainingQuantity);
    }

    [Fact]
    public void AnApplicationToAnEntryThatDoesNotExistIsRefused()
    {
        var refused = Apply(PostedLedger(), new ItemApplication(7, 1, 3));

        Assert.Equal("row 3: item entry 7 does not exist", refused.Message);
    }
}
