using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Contracts.Plugins;

/// <summary>
/// What a plugin asks the host to write for one batch. Properties have defaults so that a ledger added
/// later is a new property, never a changed constructor.
/// </summary>
public sealed record PostingResult
{
    /// <summary>New item ledger entries.</summary>
    public IReadOnlyList<ItemLedgerEntry> ItemEntries { get; init; } = [];

    /// <summary>New capacity ledger entries.</summary>
    public IReadOnlyList<CapacityLedgerEntry> CapacityEntries { get; init; } = [];

    /// <summary>Quantities applied against existing item entries; each lowers that entry's remaining quantity.</summary>
    public IReadOnlyList<ItemApplication> ItemApplications { get; init; } = [];

    /// <summary>New customer ledger entries.</summary>
    public IReadOnlyList<CustomerLedgerEntry> CustomerEntries { get; init; } = [];

    /// <summary>Credits applied to invoices; each lowers the invoice's remaining amount.</summary>
    public IReadOnlyList<CustomerApplication> CustomerApplications { get; init; } = [];

    /// <summary>New posted sales invoices.</summary>
    public IReadOnlyList<SalesInvoice> SalesInvoices { get; init; } = [];

    /// <summary>Their lines.</summary>
    public IReadOnlyList<SalesInvoiceLine> SalesInvoiceLines { get; init; } = [];

    /// <summary>New credit notes.</summary>
    public IReadOnlyList<CreditNote> CreditNotes { get; init; } = [];

    /// <summary>Their lines.</summary>
    public IReadOnlyList<CreditNoteLine> CreditNoteLines { get; init; } = [];

    /// <summary>Returned quantities added to invoice lines.</summary>
    public IReadOnlyList<InvoiceLineReturn> InvoiceLineReturns { get; init; } = [];

    /// <summary>New project actuals.</summary>
    public IReadOnlyList<ProjectActual> ProjectActuals { get; init; } = [];

    /// <summary>New project invoices (originals and corrective invoices).</summary>
    public IReadOnlyList<ProjectInvoice> ProjectInvoices { get; init; } = [];
}
