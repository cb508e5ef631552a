namespace PluginHost.Engine.Workbooks;

/// <summary>One worksheet row as read: its 1-based number and raw cell values (double, DateTime, string, bool or null).</summary>
/// <param name="Number">Row number as Excel shows it.</param>
/// <param name="Cells">Cell values by 0-based column index.</param>
public sealed record WorkbookRow(int Number, IReadOnlyList<object?> Cells)
{
    /// <summary>The value at a column, or null past the end.</summary>
    public object? this[int column] => column < Cells.Count ? Cells[column] : null;

    /// <summary>True when no cell holds anything but white space.</summary>
    public bool IsEmpty => Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));
}
