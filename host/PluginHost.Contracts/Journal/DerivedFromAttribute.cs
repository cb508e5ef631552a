namespace PluginHost.Contracts.Journal;

/// <summary>
/// Marks a computed property of a journal line (a normalised key, a sign-flipped quantity) with the column properties
/// it is computed from. A rule that fails on the computed value then points at those cells: in the error workbook,
/// and as the column and cell of its message.
/// </summary>
/// <remarks>Leave guards such as <c>IsReturn</c> unmarked: they say which rules apply, not which value is wrong.</remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class DerivedFromAttribute : Attribute
{
    /// <summary>Names the column properties the value is computed from.</summary>
    public DerivedFromAttribute(params string[] properties) => Properties = properties;

    /// <summary>The column properties the value is computed from.</summary>
    public IReadOnlyList<string> Properties { get; }
}
