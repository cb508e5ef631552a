using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Contracts.Plugins;

/// <summary>
/// A posting plugin: reads one kind of journal, supplies the facts its rules need, and turns accepted
/// lines into ledger entries. The host owns the database, the rules and the report; a plugin never opens
/// a connection, so the host can guarantee that a batch is posted whole or not at all.
/// </summary>
/// <remarks>
/// The host loads one implementation per plugin assembly, through a public parameterless constructor,
/// in a load context of its own (docs/plugins.md). Members are never changed once shipped: this interface, which
/// plugins implement, gains new capabilities only as new interfaces the host detects with <c>is</c>; the interfaces the
/// host implements for plugins (<see cref="Ledger.ILedgerReader"/>, <see cref="IPostingContext"/>) grow by new members,
/// with a new minor version of the contract.
/// </remarks>
public interface IPostingPlugin
{
    /// <summary>The name used on the command line and for <c>rules/NAME.json</c> and <c>templates/NAME.sbn-html</c>, e.g. <c>output-reversal</c>.</summary>
    string Name { get; }

    /// <summary>One sentence for <c>pluginhost plugins</c>.</summary>
    string Description { get; }

    /// <summary>The journal this plugin reads: its line type and the sheet names that identify it.</summary>
    JournalSchema Schema { get; }

    /// <summary>
    /// The named inputs the rules see, in declaration order (so <c>input1</c>, <c>input2</c> ... follow it).
    /// The first is always <c>line</c> of <see cref="JournalSchema.LineType"/>; the others are the facts
    /// <see cref="IBatchFacts.FactsFor"/> returns, in the same order and of the declared types.
    /// </summary>
    IReadOnlyList<RuleInput> RuleInputs { get; }

    /// <summary>
    /// Starts the look-ups for one batch. The host calls <see cref="IBatchFacts.FactsFor"/> for every line in
    /// workbook order, so the returned object can count what earlier lines of the batch already claimed.
    /// The reader sees the ledger as it stood when the batch began, not what the batch writes. The returned object's
    /// members may be called on another thread than <see cref="Post"/>, while <see cref="Post"/> runs for earlier lines:
    /// it must share no state with this plugin's posting that either side changes.
    /// </summary>
    IBatchFacts BeginBatch(ILedgerReader ledger);

    /// <summary>
    /// Turns the lines of a batch into ledger entries. Called only when no line has an error; the host
    /// writes the result in one transaction and enforces the ledger invariants, refusing the whole batch
    /// if the result breaks one.
    /// </summary>
    PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context);
}
