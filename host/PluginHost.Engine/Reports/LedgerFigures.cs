using PluginHost.Engine.Ledger;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Engine.Reports;

/// <summary>The sums a report shows for one ledger, worded in the report's language: the same for the whole batch and for one document.</summary>
internal sealed class LedgerFigures(ReportLanguage lang)
{
    /// <summary>The figures of ledger 0 (item), 1 (capacity), 2 (customer) or 3 (project).</summary>
    public string Of(int ledger, LedgerSums sums) => ledger switch
    {
        0 => Say(("Sum.Quantity", Quantity(sums.Quantity))),
        1 => Say(("Sum.RunTime", Quantity(sums.RunTime)), ("Sum.Output", Quantity(sums.Output))),
        2 => Say(("Sum.Amount", Amount(sums.Amount))),
        3 => Say(("Sum.Billed", Amount(sums.Billed)), ("Sum.Unbilled", Amount(sums.Unbilled))),
        _ => throw new ArgumentOutOfRangeException(nameof(ledger), ledger, "ledgers are 0 to 3"),
    };

    private string Quantity(decimal value) => ReportFormat.Quantity(value, lang.Culture);

    private string Amount(decimal value) => ReportFormat.Amount(value, lang.Culture);

    private string Say(params (string Label, string Value)[] sums) => string.Join(", ", sums.Select(s => $"{lang[s.Label]} {s.Value}"));
}
