using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.ReturnCredit;

/// <summary>Joins the results of the sales and the returns of one batch.</summary>
internal static class PostingResultExtensions
{
    public static PostingResult Combine(this PostingResult a, PostingResult b) => new()
    {
        ItemEntries = [.. a.ItemEntries, .. b.ItemEntries],
        CapacityEntries = [.. a.CapacityEntries, .. b.CapacityEntries],
        ItemApplications = [.. a.ItemApplications, .. b.ItemApplications],
        CustomerEntries = [.. a.CustomerEntries, .. b.CustomerEntries],
        CustomerApplications = [.. a.CustomerApplications, .. b.CustomerApplications],
        SalesInvoices = [.. a.SalesInvoices, .. b.SalesInvoices],
        SalesInvoiceLines = [.. a.SalesInvoiceLines, .. b.SalesInvoiceLines],
        CreditNotes = [.. a.CreditNotes, .. b.CreditNotes],
        CreditNoteLines = [.. a.CreditNoteLines, .. b.CreditNoteLines],
        InvoiceLineReturns = [.. a.InvoiceLineReturns, .. b.InvoiceLineReturns],
    };
}
