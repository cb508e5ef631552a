using System.Runtime.CompilerServices;
using PluginHost.Engine.Configuration;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Web.Tests;

/// <summary>Tests that watch the garbage collector, run alone: another test's work in flight must not hold what they watch.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// A plugin that has checked and posted a batch unloads once its load context is disposed and nothing holds it:
/// its compiled rules and the host's caches of its line type keep nothing of it alive, so a host that takes new
/// versions of a plugin does not keep every old one in memory.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class PluginUnloadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void APluginThatPostedABatchUnloadsWhenItsContextIsDisposed()
    {
        var context = PostWithCounterAndDispose();

        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "the Counter plugin's load context is still held after it was disposed");
    }

    /// <summary>Loads Counter v1, checks and posts a batch with it, disposes its context, and hands back a weak reference to that context.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference PostWithCounterAndDispose()
    {
        var plugins = _temp.File("plugins");
        var folder = Path.Combine(plugins, "Counter");
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "test-plugins", "v1", "Counter")))
        {
            Directory.CreateDirectory(folder);
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        var rules = Directory.CreateDirectory(_temp.File("rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "counter.json"), """
            { "WorkflowName": "counter", "Rules": [ { "RuleName": "QuantityPositive", "Expression": "line.Quantity > 0 AND line.ItemNo.StartsWith(\"ITEM\")", "ErrorMessage": "Quantity of $(line.ItemNo) must be positive." } ] }
            """);
        var templates = _temp.File("templates");
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "templates"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(templates, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(templates, "counter.sbn-html"), "<p>{{ Batch.Number }} {{ for e in ItemEntries }}{{ e.ProdOrderNo }}{{ end }}</p>");
        var workbook = _temp.File("counts.xlsx");
        XlsxWriter.Write(workbook, new XlsxWriter.Sheet("Counts", ["Posting Date", "Document No.", "Item No.", "Quantity"],
            [[new DateOnly(2026, 11, 2), "C-1", "ITEM-1", 3m], [new DateOnly(2026, 11, 2), "C-2", "ITEM-2", -1m]]));

        var runtime = new HostRuntime(new HostFolders(plugins, rules, templates, _temp.File("ledger.db")), TimeProvider.System);
        var refused = new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = workbook });
        Assert.Equal(PostingStatus.Rejected, refused.Status); // row 3 fails the rule: rules ran and a message was made
        XlsxWriter.Write(workbook, new XlsxWriter.Sheet("Counts", ["Posting Date", "Document No.", "Item No.", "Quantity"], [[new DateOnly(2026, 11, 2), "C-1", "ITEM-1", 3m]]));
        var posted = new PostingPipeline(runtime).Run(new PostingRequest { WorkbookPath = workbook });
        Assert.Equal(PostingStatus.Posted, posted.Status);

        var plugin = runtime.Plugins.Find("counter")!;
        var context = new WeakReference(plugin.Context.LoadContext);
        foreach (var loaded in runtime.Plugins.Plugins)
            loaded.Context.Dispose();
        return context;
    }

    public void Dispose() => _temp.Dispose();
}
