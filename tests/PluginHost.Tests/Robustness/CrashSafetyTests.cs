using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Robustness;

/// <summary>
/// A posting killed at any moment (SIGKILL, as a power cut or an impatient admin) leaves a sound database holding the
/// whole batch or none of it, and the file then posts exactly once.
/// </summary>
public sealed class CrashSafetyTests(Xunit.Abstractions.ITestOutputHelper output) : TempFolderTest
{
    private const int Lines = 8000;
    private const int Kills = 20;

    [Fact]
    public void APostingKilledAtAnyMomentLeavesAllOrNothingAndThenPostsExactlyOnce()
    {
        var workbook = BigJournal();
        var db = Temp.File("crash.db");
        var random = new Random(20261121);
        var outcomes = new List<string>();

        for (var kill = 0; kill < Kills; kill++)
        {
            var process = CliProcess.Start("post", workbook, "--db", db, "--plugins", TestHost.PluginsFolder, "--rules", TestHost.RulesFolder, "--templates", TestHost.TemplatesFolder);
            Thread.Sleep(random.Next(150, 2500));
            var finished = process.HasExited;
            if (!finished)
                process.Kill(entireProcessTree: true);
            process.WaitForExit();

            var items = ItemEntries(db);
            Assert.True(items is 0 or Lines, $"kill {kill}: {items} item entries, neither none nor all {Lines}");
            if (File.Exists(db))
            {
                using var store = LedgerStore.Open(db);
                Assert.Empty(LedgerCheck.Run(store));
            }
            outcomes.Add(items == Lines ? "posted" : "nothing");
            if (items == Lines)
            {
                // The batch got in before the kill: start again from an empty ledger so later kills land mid-batch too.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in new[] { db, db + "-wal", db + "-shm" })
                    File.Delete(file);
            }
        }

        var first = CliProcess.Run(CliProcess.Start("post", workbook, "--db", db, "--plugins", TestHost.PluginsFolder, "--rules", TestHost.RulesFolder, "--templates", TestHost.TemplatesFolder));
        var second = CliProcess.Run(CliProcess.Start("post", workbook, "--db", db, "--plugins", TestHost.PluginsFolder, "--rules", TestHost.RulesFolder, "--templates", TestHost.TemplatesFolder));

        Assert.True(first.ExitCode == ExitCodes.Done, first.Out + first.Error);
        Assert.Equal(ExitCodes.Duplicate, second.ExitCode);
        Assert.Equal(Lines, LedgerQueries.Count(db, "item_entry"));
        Assert.Contains("nothing", outcomes); // at least one kill landed before the commit
        output.WriteLine($"{Kills} kills: {outcomes.Count(o => o == "nothing")} left nothing, {outcomes.Count(o => o == "posted")} found the batch complete");
    }

    /// <summary>Item entries in the database; none when a kill came before the file or its first migration.</summary>
    private static long ItemEntries(string db) =>
        File.Exists(db) && LedgerQueries.Count(db, "sqlite_master WHERE type = 'table' AND name = 'item_entry'") == 1 ? LedgerQueries.Count(db, "item_entry") : 0;

    private string BigJournal()
    {
        var journal = OutputJournal.New();
        for (var i = 0; i < Lines; i++)
            journal.Output(1 + i % 9, 0.5m + i % 7, prodOrder: $"PO-{i % 40}", item: $"ITEM-{i % 13}", document: $"OUT-{i}");
        return journal.WriteTo(Temp.File("big.xlsx"));
    }
}
