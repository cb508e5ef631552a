namespace PluginHost.Contracts.Journal;

/// <summary>
/// Marks a property of a <see cref="JournalLine"/> as a workbook column. The captions are the header texts
/// that identify it: English, Swedish and Norwegian first (templates use them in that order), then any other
/// spelling users send; headers match case-, spacing- and punctuation-insensitively. The property's type decides how the cell is read: <c>string</c>,
/// <c>decimal</c>, <c>long</c>, <c>int</c> or <c>DateOnly</c>, nullable when the cell may be empty.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ColumnAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="captions">Header texts, English first.</param>
    public ColumnAttribute(params string[] captions) => Captions = captions;

    /// <summary>Header texts that identify the column, English first.</summary>
    public IReadOnlyList<string> Captions { get; }

    /// <summary>Most decimals a decimal value may carry; more is an error, never rounded. Quantities 5, amounts 2.</summary>
    public int Decimals { get; init; } = 5;

    /// <summary>True when the workbook must have this column (the cell itself may still be empty).</summary>
    public bool Required { get; init; } = true;

    /// <summary>What goes in the column, for the comment on its header in a template workbook.</summary>
    public string Description { get; init; } = "";

    /// <summary>The values the column takes, when it takes a fixed set (offered as a drop-down list in a template).</summary>
    public string[] Values { get; init; } = [];

    /// <summary>A sample value for the template's sample line, written as in an ISO/invariant cell (2026-11-02, 12.5).</summary>
    public string Example { get; init; } = "";
}
