namespace PluginHost.Engine.Ledger;

/// <summary>A problem recorded with a batch, so its report can be rendered again later.</summary>
public sealed record StoredMessage(string Severity, string Code, string? Sheet, int? Row, string? Column, string? Cell, string? Rule, string Message);
