using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Robustness;

/// <summary>Two users reversing the same output at the same moment: never over-reversed, the later one refused with a clear message.</summary>
public sealed class ConcurrencyTests : TempFolderTest
{
    private const int Trials = 8;

    [Fact]
    public void TwoProcessesReversingTheSameEntryNeverReverseMoreThanItHas()
    {
        var db = Temp.File("race.db");
        string[] Folders() => ["--db", db, "--plugins", TestHost.PluginsFolder, "--rules", TestHost.RulesFolder, "--templates", TestHost.TemplatesFolder];
        var originals = OutputJournal.New();
        for (var i = 0; i < Trials; i++)
            originals.Output(10, 100, document: $"OUT-{i}");
        Assert.Equal(ExitCodes.Done, CliProcess.Run(CliProcess.Start(["post", originals.WriteTo(Temp.File("originals.xlsx")), .. Folders()])).ExitCode);

        for (var trial = 0; trial < Trials; trial++)
        {
            var entry = trial + 1;
            var a = OutputJournal.New().Reversal(entry, -6, -60, document: $"A-{trial}").WriteTo(Temp.File($"a-{trial}.xlsx"));
            var b = OutputJournal.New().Reversal(entry, -6, -60, document: $"B-{trial}").WriteTo(Temp.File($"b-{trial}.xlsx"));

            var first = CliProcess.Start(["post", a, .. Folders()]);
            var second = CliProcess.Start(["post", b, .. Folders()]);
            var results = new[] { CliProcess.Run(first), CliProcess.Run(second) };

            Assert.Equal([ExitCodes.Done, ExitCodes.Refused], results.Select(r => r.ExitCode).Order());
            var loser = results.Single(r => r.ExitCode == ExitCodes.Refused);
            Assert.Contains($"Remaining Quantity is too low: entry {entry} has 4 left", loser.Out);
            Assert.DoesNotContain("locked", loser.Out + loser.Error, StringComparison.OrdinalIgnoreCase);
        }

        using var store = LedgerStore.Open(db);
        Assert.Empty(LedgerCheck.Run(store));
        Assert.All(store.ItemEntries().Where(e => e.Quantity > 0), e => Assert.Equal(4m, e.RemainingQuantity));
    }
}
