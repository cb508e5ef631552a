using System.Reflection;
using PluginHost.Contracts.Journal;

namespace PluginHost.Engine.Workbooks;

/// <summary>A column of a plugin's journal: the line property it fills and the headers that name it.</summary>
public sealed record JournalColumn(PropertyInfo Property, ColumnAttribute Declaration, ValueKind Kind, Type ValueType, bool IsNullable)
{
    /// <summary>The field name rules use, e.g. <c>AppliesToEntry</c>.</summary>
    public string Name => Property.Name;

    /// <summary>The English header, e.g. <c>Applies-to Entry</c>.</summary>
    public string Caption => Declaration.Captions.Count > 0 ? Declaration.Captions[0] : Property.Name;

    /// <summary>Every header text that names the column, normalised; the property name itself counts too.</summary>
    public IEnumerable<string> NormalizedCaptions =>
        Declaration.Captions.Append(Property.Name).Select(HeaderText.Normalize).Distinct();
}
