using PluginHost.Contracts.Journal;

namespace NoPluginType;

public sealed class SomeLine : JournalLine
{
}
