using BenchmarkDotNet.Attributes;
using PluginHost.Engine.Configuration;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Workbooks;
using PluginHost.Engine.Benchmarking;

namespace PluginHost.Benchmarks;

/// <summary>
/// Rendering the HTML report of a 100,000-line correction batch with the shipped templates: the model as kept with the
/// batch (1,000 rows per table, corrections told, totals over every entry), rendered as <c>pluginhost report N</c> does.
/// Setup posts 100,000 originals and their 100,000 corrections into a fresh database once per plugin.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReportRenderingBenchmarks
{
    private const int Lines = 100_000;
    private ReportRenderer _renderer = null!;
    private ReportModel _model = null!;

    [Params("output-reversal", "return-credit", "invoice-correction")]
    public string Plugin { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pluginhost-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "ledger.db");
        var runtime = new HostRuntime(new HostFolders(Path.Combine(BenchHost.Folder, "plugins"), BenchHost.RulesFolder, Path.Combine(BenchHost.Folder, "templates"), db), TimeProvider.System);
        var originals = Path.Combine(folder, "originals.xlsx");
        var corrections = Path.Combine(folder, "corrections.xlsx");
        XlsxWriter.Write(originals, SyntheticJournals.Originals(Plugin, Lines));
        XlsxWriter.Write(corrections, SyntheticJournals.Corrections(Plugin, Lines));
        var pipeline = new PostingPipeline(runtime);
        foreach (var workbook in new[] { originals, corrections })
        {
            var outcome = pipeline.Run(new PostingRequest { WorkbookPath = workbook, User = "bench", Plugin = Plugin });
            if (outcome.Status != PostingStatus.Posted)
                throw new InvalidOperationException($"{workbook} was not posted: {string.Join("; ", outcome.Errors.Take(3))}");
        }
        using var store = LedgerStore.Open(db);
        var batch = store.Batch(2) ?? throw new InvalidOperationException("batch 2 is missing");
        _model = RecordedReport.Model(store, batch, asked: null);
        _renderer = runtime.Reports.Renderer ?? throw new InvalidOperationException("the templates do not load");
    }

    [Benchmark(Description = "render the 100,000-line batch's HTML report")]
    public int Render() => _renderer.Render(Plugin, _model).Length;
}
