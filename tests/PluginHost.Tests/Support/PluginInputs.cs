using System.Globalization;
using System.Text.Json;
using PluginHost.Engine.Plugins;

namespace PluginHost.Tests.Support;

/// <summary>
/// Rule inputs made of the plugin's own types, as loaded in its load context (the test cannot reference the plugin
/// assembly directly: its types would be other types than those the rules were compiled against).
/// </summary>
public sealed class PluginInputs(LoadedPlugin plugin)
{
    /// <summary>A journal line with the given properties set.</summary>
    public object Line(params (string Property, object? Value)[] values)
    {
        var type = plugin.Instance.Schema.LineType;
        var line = Activator.CreateInstance(type)!;
        foreach (var (property, value) in values)
            type.GetProperty(property)!.SetValue(line, value);
        return line;
    }

    /// <summary>The facts for a line that applies to no entry: every declared fact type's static None.</summary>
    public object?[] For(object line) =>
        [line, .. plugin.Instance.RuleInputs.Skip(1).Select(i => i.Type.GetField("None")!.GetValue(null))];

    /// <summary>
    /// Inputs from JSON: <c>{ "line": { "Row": 2, "OutputQuantity": -3 }, "applied": { "Exists": true } }</c>; an input not
    /// named gets its type's None (facts) or a fresh object (the line).
    /// </summary>
    public object?[] FromJson(JsonElement element)
    {
        var inputs = plugin.Instance.RuleInputs;
        var values = new object?[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var type = inputs[i].Type;
            if (!element.TryGetProperty(inputs[i].Name, out var given))
            {
                values[i] = i == 0 ? Activator.CreateInstance(type) : type.GetField("None")?.GetValue(null) ?? Activator.CreateInstance(type);
                continue;
            }
            var value = Activator.CreateInstance(type)!;
            foreach (var property in given.EnumerateObject())
            {
                var target = type.GetProperty(property.Name) ?? throw new ArgumentException($"{type.Name} has no property {property.Name}");
                target.SetValue(value, Convert(property.Value, target.PropertyType));
            }
            values[i] = value;
        }
        return values;
    }

    private static object? Convert(JsonElement value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value.ValueKind == JsonValueKind.Null)
            return null;
        if (target == typeof(decimal)) return value.GetDecimal();
        if (target == typeof(long)) return value.GetInt64();
        if (target == typeof(int)) return value.GetInt32();
        if (target == typeof(bool)) return value.GetBoolean();
        if (target == typeof(DateOnly)) return DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return value.GetString();
    }
}
