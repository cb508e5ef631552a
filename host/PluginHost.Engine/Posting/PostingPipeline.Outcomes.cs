using PluginHost.Engine.Ledger;
using PluginHost.Engine.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Engine.Posting;

/// <summary>The pipeline's ends: recording a refusal, writing the report and the error workbook, and the outcomes it returns.</summary>
public sealed partial class PostingPipeline
{
    /// <summary>Records a refused batch with its report (a dry run records nothing) and writes the report and the error workbook.</summary>
    private PostingOutcome Refuse(BatchRun run, BatchRecord rejected, List<Problem> problems, List<RuleNote> notes, bool unreadable)
    {
        var (request, plugin) = (run.Request, run.Choice.Plugin);
        long? number = null;
        string refusal;
        if (request.DryRun)
            refusal = Render(run.Reports, plugin.Name, ReportModelBuilder.Build(rejected, PostingStatus.Rejected, provisional: true, BatchSummary.Empty, problems, notes, run.ExtraColumns, request.Language));
        else
        {
            // The refusal is recorded only with a report that renders: a failing template leaves no record either.
            using var record = run.Store.BeginBatch();
            number = record.CreateBatch(rejected, problems);
            var model = ReportModelBuilder.Build(rejected with { Id = number.Value }, PostingStatus.Rejected, provisional: false, BatchSummary.Empty, problems, notes, run.ExtraColumns, request.Language);
            refusal = Render(run.Reports, plugin.Name, model);
            record.SaveReportModel(ReportModelJson.Serialize(model));
            record.Commit();
        }
        var (rejectedReport, rejectedWarning) = WriteReport(run.ReportPath, refusal);
        var (errorWorkbook, errorsWarning) = WriteErrorWorkbook(run.ErrorsPath, run.Workbook, run.Choice, problems, run.Request.Language.Code);
        run.Clock.Lap(PostingStage.Report);
        return new PostingOutcome
        {
            Status = PostingStatus.Rejected, ExitCode = unreadable ? ExitCodes.BadInput : ExitCodes.Refused, Batch = number, Plugin = plugin.Name,
            Lines = run.RowsRead, Problems = [.. problems, .. OneOrNone(rejectedWarning), .. OneOrNone(errorsWarning)], Notes = notes,
            ReportPath = rejectedReport, ErrorWorkbookPath = errorWorkbook,
        };
    }

    private static string Render(ReportRenderer reports, string plugin, ReportModel model) => reports.Render(plugin, model);

    /// <summary>What a damaged or foreign file throws while it is read (the .xlsx reader, ExcelDataReader).</summary>
    private static bool IsUnreadable(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException
            or NotSupportedException or ArgumentException or System.Xml.XmlException or FormatException or InvalidOperationException or System.Text.DecoderFallbackException;

    /// <summary>Why a file could not be read, in the user's terms where the reader's own words are too terse.</summary>
    private static string Unreadable(Exception ex) => ex is ExcelDataReader.Exceptions.InvalidPasswordException ? WorkbookContainer.PasswordProtected : ex.Message;

    /// <summary>Writes the report through a temporary file. After a commit, a failure is a warning: the batch stays posted.</summary>
    private static (string? Path, Problem? Warning) WriteReport(string target, string html)
    {
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, html);
            File.Move(temporary, target, overwrite: true);
            return (target, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
            return (null, Problem.Warning("REPORT002", $"the report could not be written to {target} ({ex.Message}); what was posted or refused is recorded all the same, and `pluginhost report BATCH` writes a recorded batch's report again", new SourceLocation { File = target }));
        }
    }

    private static bool Unchanged(WorkbookFile workbook)
    {
        try
        {
            return workbook.IsUnchanged();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // gone or locked since it was read: not the content that was hashed
        }
    }

    /// <summary>The rows with their errors, for the user to fix and upload again; only when some error is on a row.</summary>
    private static (string? Path, Problem? Warning) WriteErrorWorkbook(string target, WorkbookFile workbook, JournalChoice choice, IReadOnlyList<Problem> problems, string language)
    {
        if (!problems.Any(p => p.IsError && p.Where.Row is not null))
            return (null, null);
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        try
        {
            if (!workbook.IsUnchanged())
                return (null, Problem.Warning("REPORT003", $"the error workbook was not written: {workbook.Path} changed after it was read", new SourceLocation { File = target }));
            ErrorWorkbook.Write(temporary, workbook, choice.Sheet, choice.Header, problems, language);
            File.Move(temporary, target, overwrite: true);
            return (target, null);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
            return (null, Problem.Warning("REPORT003", $"the error workbook could not be written to {target}: {ex.Message}", new SourceLocation { File = target }));
        }
    }

    private static PostingOutcome Duplicate(BatchRecord earlier, LoadedPlugin plugin, int lines, Problem problem) => new()
    {
        Status = PostingStatus.Duplicate, ExitCode = ExitCodes.Duplicate, Batch = earlier.Id, Plugin = plugin.Name, Lines = lines, Problems = [problem],
    };

    private static IEnumerable<Problem> OneOrNone(Problem? problem) => problem is null ? [] : [problem];

    private static PostingOutcome Failed(int exitCode, Problem problem, string? plugin = null, int lines = 0) => Failed(exitCode, [problem], plugin, lines);

    private static PostingOutcome Failed(int exitCode, IReadOnlyList<Problem> problems, string? plugin = null, int lines = 0) =>
        new() { Status = PostingStatus.Failed, ExitCode = exitCode, Problems = problems, Plugin = plugin, Lines = lines };
}
