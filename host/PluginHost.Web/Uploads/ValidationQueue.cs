using PluginHost.Engine.Posting;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports.Languages;
using PluginHost.Web.Hosting;

namespace PluginHost.Web.Uploads;

/// <summary>
/// Runs validations (the pipeline's dry run) in the background, at most <see cref="WebSettings.ValidationWorkers"/> at
/// a time, so a long workbook never holds up a request: the page polls <c>/uploads/ID/status</c> for the rows read.
/// Posting runs the same pipeline again for real (<see cref="Post"/>).
/// </summary>
public sealed class ValidationQueue(RuntimeProvider runtimes, WebSettings settings)
{
    private readonly SemaphoreSlim _workers = new(settings.ValidationWorkers);

    /// <summary>
    /// Called on the reading thread after each count of rows read is reported. Only the browser tests set it, to hold a
    /// validation at a known point: how long a validation runs is otherwise the machine's business, and a test must not
    /// depend on it.
    /// </summary>
    internal Action<int>? RowsReadObserver { get; set; }

    /// <summary>Starts validating; false when a validation of this upload is still running.</summary>
    public bool Start(Upload upload, Validation validation, string user)
    {
        if (!upload.TryStart(validation))
            return false;
        _ = Task.Run(async () =>
        {
            await _workers.WaitAsync().ConfigureAwait(false);
            try
            {
                validation.Finish(Run(upload, validation, user, dryRun: true));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                validation.Finish(Unexpected(ex));
            }
            finally
            {
                _workers.Release();
            }
        });
        return true;
    }

    /// <summary>Posts an upload with the choices of its latest validation.</summary>
    public PostingOutcome Post(Upload upload, Validation validated, string user) => Run(upload, validated, user, dryRun: false);

    private PostingOutcome Run(Upload upload, Validation validation, string user, bool dryRun)
    {
        var culture = validation.Culture.Length > 0 ? validation.Culture : null;
        var (language, problem) = ReportLanguage.From(validation.Language, culture);
        if (language is null)
            return new PostingOutcome { Status = PostingStatus.Failed, ExitCode = ExitCodes.BadInput, Problems = [problem!] };
        var stem = Path.Combine(upload.Folder, Path.GetFileNameWithoutExtension(upload.Path));
        var errors = stem + ".errors.xlsx";
        if (File.Exists(errors))
            File.Delete(errors); // never offer the error workbook of an earlier run
        var request = new PostingRequest
        {
            WorkbookPath = upload.Path,
            Plugin = validation.Plugin,
            Culture = language.Culture, // a Swedish or Norwegian page without a culture reads cells as sv-SE or nb-NO write them
            Language = language,
            User = user,
            DryRun = dryRun,
            ReportPath = stem + (dryRun ? ".dry-run.report.html" : ".report.html"),
            ErrorsPath = errors,
            RowsRead = new Progress(validation, this),
        };
        using var lease = runtimes.Lease();
        return new PostingPipeline(lease.Runtime).Run(request);
    }

    private static PostingOutcome Unexpected(Exception ex) => new()
    {
        Status = PostingStatus.Failed, ExitCode = ExitCodes.Configuration,
        Problems = [Problem.Error("WEB010", $"PluginHost failed unexpectedly: {ex.GetType().Name}: {ex.Message}; nothing was posted", new SourceLocation())],
    };

    /// <summary>Reports on the reading thread (System.Progress would post to the thread pool out of order).</summary>
    private sealed class Progress(Validation validation, ValidationQueue queue) : IProgress<int>
    {
        public void Report(int value)
        {
            validation.Progress(value);
            queue.RowsReadObserver?.Invoke(value);
        }
    }
}
