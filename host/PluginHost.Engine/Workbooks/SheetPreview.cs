namespace PluginHost.Engine.Workbooks;

/// <summary>A sheet's name and its first rows, enough to find its header row and tell which journal it is.</summary>
/// <param name="Name">Sheet name.</param>
/// <param name="FirstRows">The first rows of the sheet.</param>
public sealed record SheetPreview(string Name, IReadOnlyList<WorkbookRow> FirstRows);
