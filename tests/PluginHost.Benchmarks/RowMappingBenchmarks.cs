using System.Globalization;
using BenchmarkDotNet.Attributes;
using PluginHost.Contracts.Journal;
using PluginHost.Engine.Benchmarking;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Benchmarks;

/// <summary>
/// Mapping one worksheet row, as ExcelDataReader hands it over, to a typed journal line: one operation = one row, every
/// cell converted by its column's type (dates, decimals, text checks). Rows of the bench's synthetic journals.
/// </summary>
[MemoryDiagnoser]
public class RowMappingBenchmarks
{
    private WorkbookFile _file = null!;
    private JournalChoice _output = null!;
    private WorkbookRow _reversal = null!;
    private JournalChoice _sales = null!;
    private WorkbookFile _salesFile = null!;
    private WorkbookRow _return = null!;
    private readonly List<Problem> _problems = [];
    private readonly List<string> _workbooks = [];

    [GlobalSetup]
    public void Setup()
    {
        var plugins = PluginLoader.LoadFrom(Path.Combine(BenchHost.Folder, "plugins")).Plugins;
        (_file, _output, _reversal) = Row(plugins, "output-reversal");
        (_salesFile, _sales, _return) = Row(plugins, "return-credit");
        _workbooks.AddRange([_file.Path, _salesFile.Path]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var workbook in _workbooks)
            File.Delete(workbook);
    }

    private static (WorkbookFile, JournalChoice, WorkbookRow) Row(IReadOnlyList<LoadedPlugin> plugins, string plugin)
    {
        var path = Path.Combine(Path.GetTempPath(), "pluginhost-bench", $"{plugin}-{Guid.NewGuid():N}.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        XlsxWriter.Write(path, SyntheticJournals.Corrections(plugin, 10));
        var file = WorkbookFile.Read(path);
        var (choice, problems) = JournalDetector.Choose(path, file.PreviewSheets(10), plugins, plugin, null);
        if (choice is null)
            throw new InvalidOperationException(string.Join("\n", problems));
        var row = file.ReadRows(choice.Sheet).First(r => r.Number == choice.Header.HeaderRow + 5);
        return (file, choice, row);
    }

    [Benchmark(Description = "output-reversal: map a reversal row (8 cells) to a line")]
    public JournalLine? OutputRow() => Map(_file, _output, _reversal);

    [Benchmark(Description = "return-credit: map a return row (12 cells) to a line")]
    public JournalLine? ReturnRow() => Map(_salesFile, _sales, _return);

    private JournalLine? Map(WorkbookFile file, JournalChoice choice, WorkbookRow row) =>
        JournalReader.ToLine(file, choice.Sheet, choice.Header, choice.Plugin.Instance.Schema, CultureInfo.InvariantCulture, row, _problems);
}
