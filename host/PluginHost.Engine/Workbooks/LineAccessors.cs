using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using PluginHost.Contracts.Journal;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Creating journal lines and setting and reading their properties through delegates compiled once per type and
/// property: through reflection (<c>Activator.CreateInstance</c>, <c>PropertyInfo.SetValue</c>/<c>GetValue</c>) every
/// cell of a long journal paid for a reflective call, a sizeable share of mapping rows to lines (docs/performance.md).
/// </summary>
internal static class LineAccessors
{
    // Weak: line types belong to their plugin's load context, which unloads when serve takes a new version of the plugin.
    private static readonly ConditionalWeakTable<Type, Func<JournalLine>> Constructors = new();
    private static readonly ConditionalWeakTable<PropertyInfo, Action<JournalLine, object?>> Setters = new();
    private static readonly ConditionalWeakTable<PropertyInfo, Func<JournalLine, object?>> Getters = new();

    /// <summary>A new line of <paramref name="lineType"/> (a <see cref="JournalLine"/> with a public parameterless constructor, as plugin loading checks).</summary>
    public static JournalLine Create(Type lineType) =>
        Constructors.GetValue(lineType, static type => Expression.Lambda<Func<JournalLine>>(Expression.Convert(Expression.New(type), typeof(JournalLine))).Compile())();

    /// <summary>Sets <paramref name="property"/> of <paramref name="line"/> (init-only setters included) to <paramref name="value"/>, unboxed to its type; null sets a value type's default.</summary>
    public static void Set(PropertyInfo property, JournalLine line, object? value) => Setters.GetValue(property, Setter)(line, value);

    /// <summary>The value of <paramref name="property"/> of <paramref name="line"/>, boxed.</summary>
    public static object? Get(PropertyInfo property, JournalLine line) => Getters.GetValue(property, Getter)(line);

    private static Action<JournalLine, object?> Setter(PropertyInfo property)
    {
        var line = Expression.Parameter(typeof(JournalLine), "line");
        var value = Expression.Parameter(typeof(object), "value");
        var target = Expression.Convert(line, property.DeclaringType!);
        // null sets a value type's default, as reflection's SetValue does.
        var converted = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
            ? (Expression)Expression.Condition(Expression.Equal(value, Expression.Constant(null)), Expression.Default(property.PropertyType), Expression.Convert(value, property.PropertyType))
            : Expression.Convert(value, property.PropertyType);
        var assign = Expression.Assign(Expression.Property(target, property), converted);
        return Expression.Lambda<Action<JournalLine, object?>>(assign, line, value).Compile();
    }

    private static Func<JournalLine, object?> Getter(PropertyInfo property)
    {
        var line = Expression.Parameter(typeof(JournalLine), "line");
        var read = Expression.Property(Expression.Convert(line, property.DeclaringType!), property);
        return Expression.Lambda<Func<JournalLine, object?>>(Expression.Convert(read, typeof(object)), line).Compile();
    }
}
