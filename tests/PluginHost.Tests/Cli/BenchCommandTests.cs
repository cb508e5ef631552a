using System.Text.Json;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Cli;

/// <summary>
/// `pluginhost bench` at a small size, through the real command line, so the command cannot rot. Times are not asserted
/// (they are figures for docs/performance.md); what is asserted is that every stage, floor and count is there and that
/// the synthetic journals posted exactly the entries they should.
/// </summary>
public sealed class BenchCommandTests : TempFolderTest
{
    private static readonly string[] Stages = ["open", "read", "map", "lookahead", "waiting", "lookups", "rules", "posting", "report", "commit"];

    [Fact]
    public void BenchOfFiftyLinesPostsEveryPluginsJournalsAndReportsEveryStageAgainstTheFloors()
    {
        var result = Support.Cli.Run(["bench", "--lines", "50", "--json", "--startup-runs", "1", .. Support.Cli.Folders(Temp.File("unused.db"))]);

        Assert.True(result.ExitCode == ExitCodes.Done, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(50, root.GetProperty("lines").GetInt32());
        var plugins = root.GetProperty("plugins").EnumerateArray().ToDictionary(p => p.GetProperty("plugin").GetString()!);
        Assert.Equal(["output-reversal", "return-credit", "invoice-correction"], plugins.Keys);
        foreach (var plugin in plugins.Values)
        {
            Assert.Equal(50, plugin.GetProperty("lines").GetInt32());
            Assert.Equal(["posted", "posted"], plugin.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
            var stages = plugin.GetProperty("stages");
            Assert.Equal(Stages, stages.EnumerateObject().Select(s => s.Name));
            Assert.All(stages.EnumerateObject(), s => Assert.True(s.Value.GetDouble() >= 0));
            // Every shipped plugin's look-ups are made ahead, on the reading thread (IBatchFactsLookAhead).
            Assert.True(stages.GetProperty("lookahead").GetDouble() > 0, $"{plugin.GetProperty("plugin")} made no look-ups ahead");
            Assert.True(plugin.GetProperty("endToEndSeconds").GetDouble() > 0);
            Assert.True(plugin.GetProperty("linesPerSecond").GetDouble() > 0);
            var floors = plugin.GetProperty("floors");
            Assert.True(floors.GetProperty("readSeconds").GetDouble() > 0);
            Assert.True(floors.GetProperty("insertSeconds").GetDouble() > 0);
            // Each floor is the quicker of two runs, both given.
            Assert.Equal(floors.GetProperty("readSeconds").GetDouble(), Runs(floors, "readRunsSeconds").Min());
            Assert.Equal(floors.GetProperty("insertSeconds").GetDouble(), Runs(floors, "insertRunsSeconds").Min());
            Assert.True(plugin.GetProperty("ratio").GetDouble() > 0);
            Assert.True(plugin.GetProperty("peakWorkingSetBytes").GetInt64() > 0);
            var posting = plugin.GetProperty("postingPeakWorkingSetBytes").GetInt64();
            Assert.InRange(posting, 1, plugin.GetProperty("peakWorkingSetBytes").GetInt64());
            var refused = plugin.GetProperty("refused");
            Assert.Equal("rejected", refused.GetProperty("status").GetString());
            Assert.Equal(10, refused.GetProperty("lines").GetInt32());
            Assert.Equal(2, refused.GetProperty("refusedLines").GetInt32());
            Assert.Equal(2, refused.GetProperty("errors").GetInt32());
        }

        // 25 originals and 25 corrections each. Output: an item and a capacity entry per line. Sales: 25 invoiced lines on
        // 7 invoices, 25 returns on 7 return orders, each posting a customer entry. Projects: 25 billed actuals, and 5 per
        // correction from 8 h to 6 h (the billed reversal; unbilled 6 h, its reversal and billed 6 h; the unbilled 2 h).
        Assert.Equal(Entries(item: 50, capacity: 50), EntriesOf(plugins["output-reversal"]));
        Assert.Equal(Entries(item: 50, customer: 14), EntriesOf(plugins["return-credit"]));
        Assert.Equal(Entries(project: 150), EntriesOf(plugins["invoice-correction"]));
        Assert.Equal(100, plugins["output-reversal"].GetProperty("entryCount").GetInt32());

        var startup = root.GetProperty("startup");
        Assert.Equal(20, startup.GetProperty("lines").GetInt32());
        Assert.Single(startup.GetProperty("coldSeconds").EnumerateArray());
        Assert.Single(startup.GetProperty("warmSeconds").EnumerateArray());
        Assert.True(startup.GetProperty("coldMedianSeconds").GetDouble() > 0);
        Assert.True(startup.GetProperty("warmMedianSeconds").GetDouble() > 0);
    }

    [Fact]
    public void BenchRefusesTooFewLinesAndAnUnknownPlugin()
    {
        Assert.Equal(ExitCodes.BadInput, Support.Cli.Run("bench", "--lines", "1").ExitCode);
        Assert.Equal(ExitCodes.BadInput, Support.Cli.Run("bench", "--plugin", "no-such-plugin").ExitCode);
    }

    private static List<double> Runs(JsonElement floors, string name)
    {
        var runs = floors.GetProperty(name).EnumerateArray().Select(r => r.GetDouble()).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.True(r > 0));
        return runs;
    }

    private static Dictionary<string, int> Entries(int item = 0, int capacity = 0, int customer = 0, int project = 0) =>
        new() { ["item"] = item, ["capacity"] = capacity, ["customer"] = customer, ["project"] = project };

    private static Dictionary<string, int> EntriesOf(JsonElement plugin) =>
        plugin.GetProperty("entries").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetInt32());
}
