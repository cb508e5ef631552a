using MissingDependency.Helper;
using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Plugins;

namespace MissingDependency;

public sealed class NeedsHelperPlugin : IPostingPlugin
{
    private readonly Greeting _greeting = new();

    public string Name => "needs-helper-" + _greeting.Text;

    public string Description => "";

    public JournalSchema Schema => throw new NotSupportedException();

    public IReadOnlyList<RuleInput> RuleInputs => [];

    public IBatchFacts BeginBatch(PluginHost.Contracts.Ledger.ILedgerReader ledger) => throw new NotSupportedException();

    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context) => throw new NotSupportedException();
}
