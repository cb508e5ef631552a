namespace PluginHost.Contracts.Ledger;

/// <summary>The kind of an item ledger entry, as Business Central's Entry Type.</summary>
public enum ItemEntryType
{
    /// <summary>Output of a production order (positive) or its reversal (negative).</summary>
    Output,

    /// <summary>A sale (negative) or a sales return (positive).</summary>
    Sale,
}
