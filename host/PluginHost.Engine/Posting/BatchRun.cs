using PluginHost.Engine.Ledger;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Rules.Compilation;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Engine.Posting;

/// <summary>What one run of the pipeline has settled before it reads the lines: the file, the journal, the store, the configuration.</summary>
internal sealed class BatchRun(PostingRequest request, StageClock clock, string path, string reportPath, string errorsPath, WorkbookFile workbook,
    JournalChoice choice, LedgerStore store, CompiledWorkflow rules, ReportRenderer reports, IReadOnlyList<Problem> warnings)
{
    public PostingRequest Request => request;

    public StageClock Clock => clock;

    public string Path => path;

    public string ReportPath => reportPath;

    public string ErrorsPath => errorsPath;

    public WorkbookFile Workbook => workbook;

    public JournalChoice Choice => choice;

    public LedgerStore Store => store;

    public CompiledWorkflow Rules => rules;

    public ReportRenderer Reports => reports;

    private readonly List<Problem> _warnings = [.. warnings];

    /// <summary>Warnings found before the lines are checked (a changed rule file not taken; a first attempt given up), reported with the batch.</summary>
    public IReadOnlyList<Problem> Warnings => _warnings;

    /// <summary>Adds a warning to report with the batch.</summary>
    public void Warn(Problem warning) => _warnings.Add(warning);

    /// <summary>Headers the journal does not use, kept for the report.</summary>
    public IReadOnlyList<string> ExtraColumns { get; } = choice.Header.ExtraColumns.Select(x => x.Header).ToList();

    /// <summary>Rows read so far: what a run that fails half way reports.</summary>
    public int RowsRead { get; set; }
}
