using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Plugins;

namespace FutureContract;

public sealed class FuturePlugin : IPostingPlugin
{
    public string Name => "future";

    public string Description => "";

    public JournalSchema Schema => throw new NotSupportedException();

    public IReadOnlyList<RuleInput> RuleInputs => [];

    public IBatchFacts BeginBatch(PluginHost.Contracts.Ledger.ILedgerReader ledger) => throw new NotSupportedException();

    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context) => throw new NotSupportedException();
}
