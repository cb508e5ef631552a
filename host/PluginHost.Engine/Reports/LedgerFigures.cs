using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Engine.Reports;

/// <summary>The sums a report shows for a set of entries of one ledger, worded in the report's language: the same for the whole batch and for one document.</summary>
internal sealed class LedgerFigures(ReportLanguage lang)
{
    public string Item(IEnumerable<ItemLedgerEntry> entries) => Say(("Sum.Quantity", ReportFormat.Quantity(entries.Sum(e => e.Quantity), lang.Culture)));

    public string Capacity(IReadOnlyCollection<CapacityLedgerEntry> entries) => Say(
        ("Sum.RunTime", ReportFormat.Quantity(entries.Sum(e => e.RunTime), lang.Culture)),
        ("Sum.Output", ReportFormat.Quantity(entries.Sum(e => e.OutputQuantity), lang.Culture)));

    public string Customer(IEnumerable<CustomerLedgerEntry> entries) => Say(("Sum.Amount", ReportFormat.Amount(entries.Sum(e => e.Amount), lang.Culture)));

    public string Project(IReadOnlyCollection<ProjectActual> actuals) => Say(
        ("Sum.Billed", ReportFormat.Amount(actuals.Where(a => a.ActualType == ProjectActualType.BilledSales).Sum(a => a.Amount), lang.Culture)),
        ("Sum.Unbilled", ReportFormat.Amount(actuals.Where(a => a.ActualType == ProjectActualType.UnbilledSales).Sum(a => a.Amount), lang.Culture)));

    private string Say(params (string Label, string Value)[] sums) => string.Join(", ", sums.Select(s => $"{lang[s.Label]} {s.Value}"));
}
