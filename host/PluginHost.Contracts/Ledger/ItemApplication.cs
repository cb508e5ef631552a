namespace PluginHost.Contracts.Ledger;

/// <summary>Applies a quantity against an item entry: its remaining quantity drops by <paramref name="Quantity"/>.</summary>
/// <param name="EntryNo">The entry applied to.</param>
/// <param name="Quantity">A positive quantity; the host refuses the batch if the remaining quantity would fall below zero.</param>
/// <param name="Row">The workbook row that caused it.</param>
public sealed record ItemApplication(long EntryNo, decimal Quantity, int Row);
