using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Plugins;

namespace ThrowingConstructor;

public sealed class ThrowingPlugin : IPostingPlugin
{
    public ThrowingPlugin() => throw new InvalidOperationException("the licence file is missing");

    public string Name => "throwing";

    public string Description => "";

    public JournalSchema Schema => throw new NotSupportedException();

    public IReadOnlyList<RuleInput> RuleInputs => [];

    public IBatchFacts BeginBatch(PluginHost.Contracts.Ledger.ILedgerReader ledger) => throw new NotSupportedException();

    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context) => throw new NotSupportedException();
}
