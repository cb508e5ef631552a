using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Plugins;

namespace PluginHost.Engine.Posting;

/// <summary>How the checked lines of a batch reach the plugin's <see cref="IPostingPlugin.Post"/>.</summary>
internal enum PostingMode
{
    /// <summary>Every line in one call at the end: the plugin may group any lines.</summary>
    Whole,

    /// <summary>Each chunk as it is checked (<see cref="IPostsInChunks"/>).</summary>
    Lines,

    /// <summary>Whole documents, a chunk's worth at a time (<see cref="IPostsByDocument"/>).</summary>
    Documents,
}

/// <summary>A document's lines were found apart after its first lines were posted: the batch must be posted whole.</summary>
internal sealed class DocumentsApartException(string document, int row) : Exception($"the lines of document {document} are not together (again at row {row})")
{
    /// <summary>The document, as the plugin names it.</summary>
    public string Document { get; } = document;

    /// <summary>The row where a line of it turned up after it was posted.</summary>
    public int Row { get; } = row;
}

/// <summary>
/// Hands checked lines to the plugin's <see cref="IPostingPlugin.Post"/> and writes what it returns, in the batch's
/// transaction, as the <see cref="PostingMode"/> allows: at once, at document boundaries, or all at the end.
/// </summary>
internal sealed class BatchPoster(LedgerTransaction transaction, LoadedPlugin plugin, PostingMode mode, StageClock clock)
{
    private readonly List<PostingLine> _pending = [];
    private readonly List<string> _pendingDocuments = [];
    /// <summary>
    /// Lines held before the first documents are posted. A document whose lines turn up apart after it was posted sends
    /// the batch back to be read again and posted whole (SHEET009); holding the first 4,096 lines, as many as a chunk
    /// held before chunks became 1,024 lines, keeps a sheet of up to that many lines, in whatever order, to one reading.
    /// After the first cut, documents are posted a chunk at a time, so the posting thread has little left when the last
    /// line is read (docs/pipeline.md).
    /// </summary>
    internal const int FirstCutLines = 4096;

    // The documents posted so far, kept as 64-bit hashes: a batch of a million lines may have hundreds of thousands.
    // Two documents with one hash would only make the batch post again in one call, never post it wrongly.
    private readonly HashSet<ulong> _posted = [];

    /// <summary>Takes the next checked lines of a batch none of whose lines has an error so far.</summary>
    /// <exception cref="DocumentsApartException">In <see cref="PostingMode.Documents"/>, a line of a document already posted.</exception>
    public void Add(IReadOnlyList<PostingLine> lines)
    {
        switch (mode)
        {
            case PostingMode.Lines:
                Post(lines);
                return;
            case PostingMode.Whole:
                _pending.AddRange(lines);
                return;
        }
        var documents = (IPostsByDocument)plugin.Instance;
        foreach (var line in lines)
        {
            var document = PluginCall.Guard(plugin, "naming the document of row", line.Line.Row, (documents, line.Line), static s => s.documents.DocumentOf(s.Line))
                ?? throw new PluginFailureException(plugin.Name, $"naming the document of row {line.Line.Row}", "it returned no document (null)");
            // A chunk is cut only where the line's document is not the last one pending. The check below comes after the
            // cut: the line may belong to a document pending further up, which the cut has just posted.
            if (_pending.Count >= (_posted.Count == 0 ? FirstCutLines : PostingPipeline.ChunkLines)
                && !string.Equals(document, _pendingDocuments[^1], StringComparison.Ordinal))
                PostPending();
            if (_posted.Contains(Hash(document)))
                throw new DocumentsApartException(document, line.Line.Row);
            _pending.Add(line);
            _pendingDocuments.Add(document);
        }
    }

    /// <summary>Lets go of what is pending: a line has an error, nothing more will be posted.</summary>
    public void Drop()
    {
        _pending.Clear();
        _pendingDocuments.Clear();
    }

    /// <summary>Posts what is pending: the last documents, or every line of a batch posted whole.</summary>
    public void Finish() => PostPending();

    private void PostPending()
    {
        foreach (var document in _pendingDocuments)
            _posted.Add(Hash(document));
        Post(_pending);
        Drop();
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable, and wide enough that distinct document names do not meet.</summary>
    private static ulong Hash(string document)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in document)
            hash = unchecked((hash ^ c) * 1099511628211UL);
        return hash;
    }

    private void Post(IReadOnlyList<PostingLine> lines)
    {
        if (lines.Count == 0)
            return;
        var result = PluginCall.Guard(plugin, "posting", () => plugin.Instance.Post(lines, transaction));
        transaction.Write(result);
        clock.Lap(PostingStage.Posting);
    }
}
