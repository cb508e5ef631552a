namespace PluginHost.Contracts.Plugins;

/// <summary>
/// Optional capability of an <see cref="IPostingPlugin"/> whose lines each post on their own (nothing groups lines into
/// documents): <see cref="IPostingPlugin.Post"/> may then be called several times for one batch, each time with the next
/// lines in workbook order, and must give the entries one call with every line would give. The host posts such a
/// batch while it is still reading it, holding a few thousand lines at a time rather than the whole batch
/// (docs/performance.md). All calls belong to one transaction: the batch is still posted whole or not at all. Its
/// facts are looked up in the ledger as it stood before the batch, as for any plugin, and its
/// <see cref="IBatchFactsPrefetch.Prefetch"/> is given one chunk at a time.
/// </summary>
public interface IPostsInChunks;
