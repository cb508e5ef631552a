using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Posting;

/// <summary>What came of a posting: the fields of <c>pluginhost post --json</c>.</summary>
public sealed record PostingOutcome
{
    /// <summary>posted, validated, rejected, duplicate or failed.</summary>
    public required string Status { get; init; }

    /// <summary>The command line's exit code for it.</summary>
    public required int ExitCode { get; init; }

    /// <summary>The batch number (the earlier batch, for a duplicate); null when none was recorded.</summary>
    public long? Batch { get; init; }

    /// <summary>The plugin that read the workbook, when one was chosen.</summary>
    public string? Plugin { get; init; }

    /// <summary>Journal lines read.</summary>
    public int Lines { get; init; }

    /// <summary>Every problem: errors and warnings.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>Entries written (or, for a dry run, that would be) per ledger.</summary>
    public IReadOnlyDictionary<string, int> Entries { get; init; } = new Dictionary<string, int>();

    /// <summary>Success events and OutputExpression values of the rules, per row.</summary>
    public IReadOnlyList<RuleNote> Notes { get; init; } = [];

    /// <summary>The error workbook written after a refusal, if any: the rows with their errors, to fix and upload again.</summary>
    public string? ErrorWorkbookPath { get; init; }

    /// <summary>The report written, if any.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Errors only.</summary>
    public IEnumerable<Problem> Errors => Problems.Where(p => p.IsError);

    /// <summary>Warnings only.</summary>
    public IEnumerable<Problem> Warnings => Problems.Where(p => !p.IsError);
}
