using System.Reflection;
using System.Runtime.CompilerServices;
using PluginHost.Contracts.Journal;

namespace PluginHost.Engine.Workbooks;

/// <summary>The columns of a journal line type, read once from its <see cref="ColumnAttribute"/>s.</summary>
public static class JournalColumns
{
    // Weak: a line type belongs to its plugin's load context, which unloads when serve takes a new version of the plugin.
    private static readonly ConditionalWeakTable<Type, IReadOnlyList<JournalColumn>> Cache = new();

    /// <summary>The columns of a line type, in declaration order.</summary>
    public static IReadOnlyList<JournalColumn> Of(Type lineType) => Cache.GetValue(lineType, Read);

    private static IReadOnlyList<JournalColumn> Read(Type lineType) =>
        lineType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<ColumnAttribute>() is not null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => Describe(p, p.GetCustomAttribute<ColumnAttribute>()!))
            .ToList();

    private static JournalColumn Describe(PropertyInfo property, ColumnAttribute declaration)
    {
        var underlying = Nullable.GetUnderlyingType(property.PropertyType);
        var type = underlying ?? property.PropertyType;
        var nullable = underlying is not null || !property.PropertyType.IsValueType;
        ValueKind kind;
        if (type == typeof(string)) kind = ValueKind.Text;
        else if (type == typeof(decimal)) kind = ValueKind.Decimal;
        else if (type == typeof(int) || type == typeof(long)) kind = ValueKind.Integer;
        else if (type == typeof(DateOnly)) kind = ValueKind.Date;
        else throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: columns must be string, decimal, int, long or DateOnly, not {property.PropertyType.Name}");
        return new JournalColumn(property, declaration, kind, type, nullable);
    }
}
