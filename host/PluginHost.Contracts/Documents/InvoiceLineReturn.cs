namespace PluginHost.Contracts.Documents;

/// <summary>Raises an invoice line's returned quantity; the host refuses the batch if it would pass the invoiced quantity.</summary>
/// <param name="InvoiceNo">The invoice.</param>
/// <param name="LineNo">The line.</param>
/// <param name="Quantity">A positive quantity returned.</param>
/// <param name="Row">The workbook row that caused it.</param>
public sealed record InvoiceLineReturn(string InvoiceNo, int LineNo, decimal Quantity, int Row);
