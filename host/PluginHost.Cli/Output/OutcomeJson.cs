using PluginHost.Engine.Posting;

namespace PluginHost.Cli.Output;

/// <summary>The one JSON object of <c>post --json</c> (DESIGN.md).</summary>
internal sealed record OutcomeJson(long? Batch, string? Plugin, string Status, int Lines, IReadOnlyList<ProblemJson> Errors, IReadOnlyList<ProblemJson> Warnings, IReadOnlyDictionary<string, int> Entries, string? Report, int ExitCode, IReadOnlyList<RuleNote> RuleResults, string? ErrorWorkbook)
{
    public static OutcomeJson From(PostingOutcome o) => new(o.Batch, o.Plugin, o.Status, o.Lines,
        o.Errors.Select(ProblemJson.From).ToList(), o.Warnings.Select(ProblemJson.From).ToList(), o.Entries, o.ReportPath, o.ExitCode, o.Notes, o.ErrorWorkbookPath);
}
