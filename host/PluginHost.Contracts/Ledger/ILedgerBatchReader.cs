using PluginHost.Contracts.Documents;

namespace PluginHost.Contracts.Ledger;

/// <summary>
/// Optional capability of the <see cref="ILedgerReader"/> the host lends (test for it with <c>is</c>): the same look-ups
/// for many keys at once, so a plugin that knows every line of a batch asks a few queries instead of one per line. Each
/// answers exactly what the single look-up would for each key, inside the same transaction.
/// </summary>
public interface ILedgerBatchReader
{
    /// <summary>The item entries with these numbers, by number; a number with no entry is absent.</summary>
    IReadOnlyDictionary<long, ItemLedgerEntry> FindItemEntries(IReadOnlyCollection<long> entryNos);

    /// <summary>For each item entry number, the capacity entry posted together with it, as <see cref="ILedgerReader.FindCapacityEntryOfItemEntry"/>; absent when none.</summary>
    IReadOnlyDictionary<long, CapacityLedgerEntry> FindCapacityEntriesOfItemEntries(IReadOnlyCollection<long> itemEntryNos);

    /// <summary>For each capacity entry number, <see cref="ILedgerReader.ReversedRunTime"/>; absent when nothing was reversed from it (0).</summary>
    IReadOnlyDictionary<long, decimal> ReversedRunTimes(IReadOnlyCollection<long> capacityEntryNos);

    /// <summary>For each production order and operation, <see cref="ILedgerReader.PostedRunTime"/>; absent when nothing was posted on it (0).</summary>
    IReadOnlyDictionary<(string ProdOrderNo, string OperationNo), decimal> PostedRunTimes(IReadOnlyCollection<(string ProdOrderNo, string OperationNo)> operations);

    /// <summary>The posted sales invoices with these numbers, by number, as <see cref="ILedgerReader.FindSalesInvoice"/>; a number with no invoice is absent.</summary>
    IReadOnlyDictionary<string, SalesInvoice> FindSalesInvoices(IReadOnlyCollection<string> invoiceNos);

    /// <summary>The posted sales invoice lines with these invoice and line numbers, as <see cref="ILedgerReader.FindSalesInvoiceLine"/>; a key with no line is absent.</summary>
    IReadOnlyDictionary<(string InvoiceNo, int LineNo), SalesInvoiceLine> FindSalesInvoiceLines(IReadOnlyCollection<(string InvoiceNo, int LineNo)> lines);

    /// <summary>
    /// For each return order and invoice line, the credit note lines already posted for it, in the order of
    /// <see cref="ILedgerReader.CreditNoteLinesFor"/>; a key with none is absent.
    /// </summary>
    IReadOnlyDictionary<(string ReturnOrderNo, string InvoiceNo, int InvoiceLineNo), IReadOnlyList<CreditNoteLine>> CreditNoteLinesForInvoiceLines(
        IReadOnlyCollection<(string ReturnOrderNo, string InvoiceNo, int InvoiceLineNo)> keys);

    /// <summary>The project invoices with these numbers, by number, as <see cref="ILedgerReader.FindProjectInvoice"/>; a number with no invoice is absent.</summary>
    IReadOnlyDictionary<string, ProjectInvoice> FindProjectInvoices(IReadOnlyCollection<string> invoiceNos);

    /// <summary>For each project invoice line, its project actuals oldest first, as <see cref="ILedgerReader.ProjectActualsOf"/>; a line with none is absent.</summary>
    IReadOnlyDictionary<(string InvoiceNo, int LineNo), IReadOnlyList<ProjectActual>> ProjectActualsOfLines(IReadOnlyCollection<(string InvoiceNo, int LineNo)> lines);

    /// <summary>For each invoice number, the corrective invoices that correct it oldest first, as <see cref="ILedgerReader.CorrectionsOf"/>; an invoice with none is absent.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<ProjectInvoice>> CorrectionsOfInvoices(IReadOnlyCollection<string> invoiceNos);
}
