using System.Diagnostics;
using PluginHost.Engine.Configuration;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Robustness;

/// <summary>
/// A broken environment or a broken plugin: each gets a message naming its cause, a non-zero exit code, and leaves the
/// ledger as it was (sound, the earlier batches intact, nothing of the failed batch).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes, mount namespaces and setpriv are Linux
public sealed class FaultTests : TempFolderTest
{
    private string Originals(string name = "originals.xlsx") => OutputJournal.New().Output(10, 2).Output(5, 1, document: "OUT-2").WriteTo(Temp.File(name));

    [Fact]
    public void ADatabaseFolderThatDoesNotExistIsNamedAndNotCreated()
    {
        var db = Path.Combine(Temp.Path, "no-such-folder", "ledger.db");

        var outcome = TestHost.Post(db, Originals());

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("DB001", error.Code);
        Assert.Contains($"the database folder {Path.GetDirectoryName(db)} does not exist", error.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(db)));
    }

    [Fact]
    public void AReadOnlyDatabaseFileRefusesTheBatchWithThatCauseAndKeepsWhatItHeld()
    {
        var db = Temp.File("ledger.db");
        Assert.Equal(PostingStatus.Posted, TestHost.Post(db, Originals()).Status);
        var before = Snapshot(db);
        var more = OutputJournal.New().Output(7, 1, document: "OUT-3").WriteTo(Temp.File("more.xlsx"));
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(Temp.Path, (UnixFileMode)0b111_111_111); // the folder stays writable: only the file is read-only

        // Root writes read-only files all the same, so when the tests run as root the child runs without the capabilities
        // that override file permissions (as root still, so it reaches the program wherever the checkout lies).
        var run = CliProcess.Run(CliProcess.StartAs(BoundByFilePermissions(), ["post", more, .. Support.Cli.Folders(db)]));

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Out + run.Error);
        Assert.Contains("error DB002", run.Out + run.Error);
        Assert.Contains("the database file is read-only", run.Out + run.Error);
        Assert.Contains("nothing was posted", run.Out + run.Error);
        // Read-only is no reason not to look: check and batches read it as it is, even in a folder nobody may write.
        File.SetUnixFileMode(Temp.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var check = CliProcess.Run(CliProcess.StartAs(BoundByFilePermissions(), ["check", "--db", db]));
        var batches = CliProcess.Run(CliProcess.StartAs(BoundByFilePermissions(), ["batches", "--db", db, "--json"]));
        File.SetUnixFileMode(Temp.Path, (UnixFileMode)0b111_111_111);
        Assert.True(check.ExitCode == ExitCodes.Done, check.Out + check.Error);
        Assert.Contains("sound", check.Out);
        Assert.True(batches.ExitCode == ExitCodes.Done, batches.Out + batches.Error);
        Assert.Contains("originals.xlsx", batches.Out);

        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(before, Snapshot(db));
    }

    [Fact]
    public void AFullDiskRefusesTheBatchAndTheSameWorkbookPostsOnceThereIsSpace()
    {
        // A 320 KB tmpfs mounted in a private mount namespace: a real ENOSPC, gone when the child exits, no root needed.
        var small = Directory.CreateDirectory(Temp.File("small-disk")).FullName;
        var copied = Directory.CreateDirectory(Temp.File("copied")).FullName;
        var originals = Originals();
        var big = BigJournal(3000);
        var pluginhost = $"dotnet {Quoted(Path.Combine(TestHost.Folder, "pluginhost.dll"))} post --db {Quoted(Path.Combine(small, "ledger.db"))} " +
            $"--plugins {Quoted(TestHost.PluginsFolder)} --rules {Quoted(TestHost.RulesFolder)} --templates {Quoted(TestHost.TemplatesFolder)}";
        var script = $"""
            mount -t tmpfs -o size=320k tmpfs {Quoted(small)} || exit 90
            {pluginhost} {Quoted(originals)} > {Quoted(copied)}/first.txt 2>&1; echo $? > {Quoted(copied)}/first.code
            {pluginhost} {Quoted(big)} > {Quoted(copied)}/second.txt 2>&1; echo $? > {Quoted(copied)}/second.code
            cp {Quoted(small)}/ledger.db* {Quoted(copied)}/
            """;

        var run = CliProcess.Run(Process.Start(new ProcessStartInfo("unshare", ["--user", "--map-root-user", "--mount", "sh", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true })!);

        Assert.True(run.ExitCode == 0, $"the small disk could not be set up (unshare and mount -t tmpfs): {run.Out}{run.Error}");
        Assert.True(Code(copied, "first") == ExitCodes.Done, File.ReadAllText(Path.Combine(copied, "first.txt")));
        var refused = File.ReadAllText(Path.Combine(copied, "second.txt"));
        Assert.True(Code(copied, "second") == ExitCodes.BadInput, refused);
        Assert.Contains("error DB002", refused);
        Assert.Contains("the disk holding the database is full", refused);
        Assert.Contains("nothing was posted", refused);

        var db = Path.Combine(copied, "ledger.db");
        Assert.Equal([1L], Batches(db));
        Assert.Equal(2L, LedgerQueries.Count(db, "item_entry"));
        Assert.Equal(ExitCodes.Done, TestHost.Post(db, big).ExitCode);
        Assert.Equal(ExitCodes.Duplicate, TestHost.Post(db, big).ExitCode);
        Assert.Equal(2 + 3000L, LedgerQueries.Count(db, "item_entry"));
        AssertSound(db);
    }

    [Fact]
    public void APluginThatThrowsWhilePostingIsNamedWithWhatItWasDoingAndNothingIsPosted()
    {
        var runtime = WithThrowingPoster(Temp.File("ledger.db"));
        var pipeline = new PostingPipeline(runtime);
        AssertPosted(pipeline.Run(new PostingRequest { WorkbookPath = Counts("ok.xlsx", "DOC-1", "DOC-2") }));
        var before = Snapshot(runtime.Folders.Database);

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = Counts("boom.xlsx", "DOC-3", "BOOM") });

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("PLUGIN020", error.Code);
        Assert.Contains("throwing-poster", error.Message);
        Assert.Contains("posting", error.Message);
        Assert.Contains("InvalidOperationException: the costing service did not answer for row 3", error.Message);
        Assert.Equal(before, Snapshot(runtime.Folders.Database));
        // The host keeps running: the same runtime posts the next workbook, of this plugin and of another.
        AssertPosted(pipeline.Run(new PostingRequest { WorkbookPath = Counts("fine.xlsx", "DOC-4") }));
        AssertPosted(pipeline.Run(new PostingRequest { WorkbookPath = Originals() }));
        AssertSound(runtime.Folders.Database);
    }

    // The chunks before the one holding the failing row (1,024 lines each) are looked up, checked and posted before it is looked
    // up (AHEAD) or checked (FACTS), both on the reading thread; the failure reaches the posting thread with its chunk.
    [Theory]
    [InlineData("AHEAD", "looking up facts ahead", "the price list could not be read for row 4501")]
    [InlineData("FACTS", "looking up facts for row 4501", "the stock count could not be read for row 4501")]
    public void APluginThatThrowsOnTheReadingThreadInALaterChunkIsNamedAndWhatEarlierChunksPostedIsRolledBack(string document, string doing, string failure)
    {
        var runtime = WithThrowingPoster(Temp.File("ledger.db"));
        var pipeline = new PostingPipeline(runtime);
        AssertPosted(pipeline.Run(new PostingRequest { WorkbookPath = Counts("ok.xlsx", "DOC-1") }));
        var before = Snapshot(runtime.Folders.Database);
        var documents = Enumerable.Range(1, 5000).Select(i => i == 4500 ? document : $"DOC-{i + 1}").ToArray();

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = Counts("later.xlsx", documents) });

        Assert.Equal((PostingStatus.Failed, ExitCodes.Configuration), (outcome.Status, outcome.ExitCode));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("PLUGIN020", error.Code);
        Assert.Contains("throwing-poster", error.Message);
        Assert.Contains(doing, error.Message);
        Assert.Contains($"InvalidOperationException: {failure}", error.Message);
        Assert.Equal(before, Snapshot(runtime.Folders.Database));
        AssertPosted(pipeline.Run(new PostingRequest { WorkbookPath = Counts("fine.xlsx", "DOC-9") }));
        AssertSound(runtime.Folders.Database);
    }

    [Fact]
    public void APluginHandingTheHostEntriesTheLedgerRefusesPostsNothing()
    {
        var runtime = WithThrowingPoster(Temp.File("ledger.db"));
        var pipeline = new PostingPipeline(runtime);
        AssertPosted(pipeline.Run(new PostingRequest { WorkbookPath = Counts("ok.xlsx", "DOC-1") }));
        var before = Snapshot(runtime.Folders.Database);

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = Counts("twice.xlsx", "DOC-2", "TWICE") });

        Assert.Equal(ExitCodes.Configuration, outcome.ExitCode);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("LEDGER001", error.Code);
        Assert.Contains("plugin throwing-poster produced entries the ledger refuses", error.Message);
        Assert.Equal(before, Snapshot(runtime.Folders.Database));
        AssertSound(runtime.Folders.Database);
    }

    [Fact]
    public void ARuleFileCutOffMidWriteWhileTheHostRunsKeepsThePreviousRulesAndANewHostRefusesToStartWithIt()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.OutputQuantity < 100", "Row $(line.Row): too much"));
        var file = Path.Combine(rules, RuleFiles.Plugin + ".json");
        var db = Temp.File("ledger.db");
        var pipeline = new PostingPipeline(TestHost.Own(db, rules: rules));
        AssertPosted(pipeline.Run(new PostingRequest { WorkbookPath = Originals() }));

        var whole = File.ReadAllText(file);
        File.WriteAllText(file, whole[..(whole.Length / 2)]); // an editor or a copy stopped half way
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        var running = pipeline.Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(500, 1, document: "OUT-9").WriteTo(Temp.File("b.xlsx")) });
        var fresh = Support.Cli.Run(["post", OutputJournal.New().Output(5, 1, document: "OUT-8").WriteTo(Temp.File("c.xlsx")), .. Support.Cli.Folders(db, rules: rules)]);

        Assert.Equal(PostingStatus.Rejected, running.Status);
        Assert.Equal("Row 2: too much", Assert.Single(running.Errors).Message);
        Assert.Equal(("RULE040", file), (Assert.Single(running.Warnings).Code, running.Warnings.Single().Where.File));
        var maintainer = TestHost.Own(db, rules: rules); // what `rules check` and the Rules page show: the position
        Assert.Contains(maintainer.RulesFor(RuleFiles.OutputReversal(maintainer)).Problems, p => p.Where.File == file && p.Where.Line is not null);
        Assert.Equal(ExitCodes.Configuration, fresh.ExitCode);
        Assert.Contains($"{file}(", fresh.Out + fresh.Error);
        Assert.Equal(2L, LedgerQueries.Count(db, "item_entry"));
        AssertSound(db);
    }

    private HostRuntime WithThrowingPoster(string database)
    {
        var plugins = Temp.File("plugins");
        PluginFolders.Copy(plugins, "OutputReversal");
        PluginFolders.Copy(plugins, "ThrowingPoster");
        var rules = Directory.CreateDirectory(Temp.File("rules")).FullName;
        File.Copy(Path.Combine(TestHost.RulesFolder, "output-reversal.json"), Path.Combine(rules, "output-reversal.json"));
        File.WriteAllText(Path.Combine(rules, "throwing-poster.json"), """
            { "WorkflowName": "throwing-poster", "Rules": [ { "RuleName": "QuantityPositive", "Expression": "line.Quantity > 0", "ErrorMessage": "Row $(line.Row): Quantity must be positive." } ] }
            """);
        var templates = TemplateFolders.CopyOfShipped(Temp);
        File.WriteAllText(Path.Combine(templates, "throwing-poster.sbn-html"), "<html><body><p>{{ Batch.Number }}</p></body></html>");
        return new HostRuntime(new HostFolders(plugins, rules, templates, database), FixedClock.Default);
    }

    private string Counts(string name, params string[] documents)
    {
        var path = Temp.File(name);
        Engine.Workbooks.XlsxWriter.Write(path, new Engine.Workbooks.XlsxWriter.Sheet("Counts", ["Posting Date", "Document No.", "Item No.", "Quantity"],
            [.. documents.Select(d => (IReadOnlyList<object?>)[OutputJournal.Day, d, "ITEM-1", 3m])]));
        return path;
    }

    private string BigJournal(int lines)
    {
        var journal = OutputJournal.New();
        for (var i = 0; i < lines; i++)
            journal.Output(1 + i % 9, 0.5m, prodOrder: $"PO-{i % 40}", item: $"ITEM-{i % 13}", document: $"BIG-{i}");
        return journal.WriteTo(Temp.File("big.xlsx"));
    }

    /// <summary>What the ledger holds, as rows of every table that matters, to compare before and after a failure.</summary>
    private static string Snapshot(string db) => string.Join("\n",
        new[] { "batch", "item_entry", "capacity_entry", "customer_entry", "project_actual", "batch_message" }
            .SelectMany(table => LedgerQueries.Rows(db, $"SELECT * FROM {table} ORDER BY 1").Select(row => table + ": " + string.Join(", ", row))));

    private static List<long> Batches(string db) => [.. LedgerQueries.Rows(db, "SELECT id FROM batch ORDER BY id").Select(r => (long)r[0]!)];

    private static void AssertPosted(PostingOutcome outcome) =>
        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems.Select(p => $"{p.Where} {p.Code} {p.Message}")));

    private static void AssertSound(string db)
    {
        using var store = LedgerStore.Open(db);
        Assert.Empty(LedgerCheck.Run(store));
    }

    private static int Code(string folder, string name) => int.Parse(File.ReadAllText(Path.Combine(folder, name + ".code")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Quoted(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// A launcher under which file permissions bind: for root, the capabilities that override them (writing any file,
    /// reading and searching any folder) are dropped from the child's bounding set; anyone else is bound already.
    /// </summary>
    private static string[] BoundByFilePermissions() =>
        Environment.UserName == "root" ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] : [];
}
