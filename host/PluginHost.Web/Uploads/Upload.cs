using PluginHost.Engine.Posting;

namespace PluginHost.Web.Uploads;

/// <summary>
/// A workbook uploaded and waiting: its file in a folder of its own, who uploaded it, and its latest validation.
/// Only its uploader sees it. It lives until it is posted, discarded or expires (<see cref="UploadStore"/>).
/// </summary>
public sealed class Upload
{
    private readonly Lock _lock = new();
    private Validation? _validation;
    private bool _posting;

    /// <summary>A random, unguessable id.</summary>
    public required string Id { get; init; }

    /// <summary>Who uploaded it.</summary>
    public required string Owner { get; init; }

    /// <summary>The file as saved: the user's file name, its extension set by its content.</summary>
    public required string Path { get; init; }

    /// <summary>The folder holding the file, its dry-run report and error workbook.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The file name shown and recorded with the batch.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>When it arrived.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The latest validation, running or done.</summary>
    public Validation? Validation
    {
        get { lock (_lock) return _validation; }
    }

    /// <summary>Starts a new validation unless one is running or the upload is being posted; false when it cannot.</summary>
    public bool TryStart(Validation validation)
    {
        lock (_lock)
        {
            if (_posting || _validation is { IsDone: false })
                return false;
            _validation = validation;
            return true;
        }
    }

    /// <summary>Claims the upload for posting; false while a validation runs or another post is under way (a double click).</summary>
    public bool TryBeginPosting()
    {
        lock (_lock)
        {
            if (_posting || _validation is not { IsDone: true })
                return false;
            _posting = true;
            return true;
        }
    }

    /// <summary>Ends a posting that did not post, with its outcome as the latest validation.</summary>
    public void EndPosting(Validation result)
    {
        lock (_lock)
        {
            _validation = result;
            _posting = false;
        }
    }

    /// <summary>Whether it may be deleted now: no validation running and not being posted.</summary>
    public bool IsIdle
    {
        get { lock (_lock) return !_posting && _validation is null or { IsDone: true }; }
    }
}

/// <summary>One run of the pipeline over an upload: the choices it ran with, its progress and its outcome.</summary>
/// <param name="Plugin">The plugin chosen, or null to detect it.</param>
/// <param name="Language">The report language code (en, sv, nb).</param>
/// <param name="Culture">The culture of text numbers and dates in cells, or "" for none.</param>
public sealed record Validation(string? Plugin, string Language, string Culture)
{
    private int _rows;
    private PostingOutcome? _outcome;

    /// <summary>Rows read so far.</summary>
    public int RowsRead => Volatile.Read(ref _rows);

    /// <summary>The outcome, once done.</summary>
    public PostingOutcome? Outcome => Volatile.Read(ref _outcome);

    /// <summary>Whether it has finished.</summary>
    public bool IsDone => Outcome is not null;

    /// <summary>Told every thousand rows by the reader.</summary>
    public void Progress(int rows) => Volatile.Write(ref _rows, rows);

    /// <summary>Records the outcome.</summary>
    public void Finish(PostingOutcome outcome)
    {
        Volatile.Write(ref _rows, outcome.Lines);
        Volatile.Write(ref _outcome, outcome);
    }
}
