using PluginHost.Contracts.Journal;

namespace PluginHost.Contracts.Plugins;

/// <summary>
/// Optional capability of an <see cref="IPostingPlugin"/> that groups lines into documents (an invoice, a credit note):
/// <see cref="IPostingPlugin.Post"/> may then be called several times for one batch, each time with the next whole
/// documents in workbook order, so the host posts a long journal while it reads it instead of holding it whole
/// (docs/performance.md). A document's lines must then stand together in the sheet; when one document's lines are found
/// apart after the first of them were posted, the host starts the batch again and posts it in one call. Entry and
/// document numbers are handed out in the order of the calls. All calls belong to one transaction, facts are looked up
/// in the ledger as it stood before the batch, and <see cref="IBatchFactsPrefetch.Prefetch"/> is given one chunk at a
/// time, as for <see cref="IPostsInChunks"/>.
/// </summary>
public interface IPostsByDocument
{
    /// <summary>The document <paramref name="line"/> belongs to: lines with the same key are posted by one call.</summary>
    string DocumentOf(JournalLine line);
}
