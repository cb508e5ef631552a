using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>Everything one batch wrote, as read back from the database: what its report shows.</summary>
public sealed record BatchEntries
{
    /// <summary>Item entries.</summary>
    public IReadOnlyList<ItemLedgerEntry> Items { get; init; } = [];

    /// <summary>Capacity entries.</summary>
    public IReadOnlyList<CapacityLedgerEntry> Capacity { get; init; } = [];

    /// <summary>Customer entries.</summary>
    public IReadOnlyList<CustomerLedgerEntry> Customer { get; init; } = [];

    /// <summary>Sales invoices.</summary>
    public IReadOnlyList<SalesInvoice> Invoices { get; init; } = [];

    /// <summary>Sales invoice lines.</summary>
    public IReadOnlyList<SalesInvoiceLine> InvoiceLines { get; init; } = [];

    /// <summary>Credit notes.</summary>
    public IReadOnlyList<CreditNote> CreditNotes { get; init; } = [];

    /// <summary>Credit note lines.</summary>
    public IReadOnlyList<CreditNoteLine> CreditNoteLines { get; init; } = [];

    /// <summary>Project actuals.</summary>
    public IReadOnlyList<ProjectActual> Project { get; init; } = [];

    /// <summary>Project invoices (as they stand now: <c>CorrectedBy</c> changes when a correction is posted).</summary>
    public IReadOnlyList<ProjectInvoice> ProjectInvoices { get; init; } = [];
}
