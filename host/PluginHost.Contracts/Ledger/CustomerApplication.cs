namespace PluginHost.Contracts.Ledger;

/// <summary>Applies a credit to an invoice: the invoice's customer entry's remaining amount drops by <paramref name="Amount"/>.</summary>
/// <param name="InvoiceNo">The invoice credited.</param>
/// <param name="Amount">A positive amount; the host refuses the batch if the remaining amount would fall below zero.</param>
/// <param name="Row">The workbook row that caused it.</param>
public sealed record CustomerApplication(string InvoiceNo, decimal Amount, int Row);
