namespace PluginHost.Contracts.Ledger;

/// <summary>The kind of a project actual, as Project Operations' transaction classes.</summary>
public enum ProjectActualType
{
    /// <summary>Billed sales: invoiced to the customer.</summary>
    BilledSales,

    /// <summary>Unbilled sales: work done and not (or no longer) invoiced.</summary>
    UnbilledSales,
}
