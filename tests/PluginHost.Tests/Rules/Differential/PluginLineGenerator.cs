using System.Reflection;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Tests.Rules.Differential;

/// <summary>
/// Deterministic inputs for a real plugin's rules, made of the plugin's own types (loaded in its load context) by
/// reflection: every settable property gets a value drawn with a fixed-seed <see cref="Random"/> from pools of edge
/// values (null where the property is declared nullable, empty, zero, negative, large, boundary dates); a fact input is
/// now and then its type's <c>None</c>. Values stay within what the plugins' own computed properties can take
/// (RulesEngine serializes a whole input to fill an ErrorMessage placeholder, so a getter that throws would end its run).
/// </summary>
public static class PluginLineGenerator
{
    private static readonly string?[] Strings =
    [
        null, "", " ", "A", "B", "10", "20", "OUT-1001", "PO-1001", "PO-1002", "BIKE-100", "Output", "Sale", "Confirmed", "Open",
        "Milestone", "Time", "Sales order", "Returned order", "Return", "Returnerad order", "INV-1", "INV-2", "C-100", "R-1", "P-1",
        "Draft", "Utkast", "Awaiting", "Väntar", "Registered", "Quarantine", "Invoiced", "Received",
    ];

    private static readonly int[] Ints = [0, 1, -1, 2, 3, 5, 10, 100, -100, int.MaxValue, int.MinValue];
    private static readonly long[] Longs = [0, 1, -1, 2, 42, 1000, long.MaxValue, long.MinValue];
    private static readonly decimal[] Decimals = [0m, 1m, -1m, 0.5m, -0.5m, 0.00001m, -0.00001m, 2m, 10m, -10m, 120m, -120m, 1000000m, 999999999.99999m, -999999999.99999m];
    private static readonly double[] Doubles = [0d, 1d, -1d, 0.5d, 1e9d];

    /// <summary><paramref name="count"/> lines of inputs for <paramref name="inputs"/>, in their order.</summary>
    public static IReadOnlyList<object?[]> Lines(IReadOnlyList<RuleInput> inputs, int count = 240, int seed = LineGenerator.Seed)
    {
        var random = new Random(seed);
        var lines = new List<object?[]>(count);
        for (var n = 0; n < count; n++)
        {
            var values = new object?[inputs.Count];
            for (var i = 0; i < inputs.Count; i++)
            {
                var type = inputs[i].Type;
                var none = type.GetField("None", BindingFlags.Public | BindingFlags.Static);
                // The first lines hold every input at its defaults, then every fact at None.
                if (n == 0)
                    values[i] = Activator.CreateInstance(type);
                else if (i > 0 && none is not null && (n == 1 || random.Next(5) == 0))
                    values[i] = none.GetValue(null);
                else
                    values[i] = Fill(type, random);
            }
            lines.Add(values);
        }
        return lines;
    }

    private static object Fill(Type type, Random random)
    {
        var value = Activator.CreateInstance(type)!;
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            var nullable = nullability.Create(property).WriteState != NullabilityState.NotNull;
            if (TryDraw(property.PropertyType, nullable, random, out var drawn))
                property.SetValue(value, drawn);
        }
        return value;
    }

    private static bool TryDraw(Type type, bool nullable, Random random, out object? value)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            if (random.Next(3) == 0)
            {
                value = null;
                return true;
            }
            return TryDraw(underlying, false, random, out value);
        }
        value = type switch
        {
            _ when type == typeof(string) => Pick(random, Strings) ?? (nullable ? null : ""),
            _ when type == typeof(int) => random.Next(3) == 0 ? random.Next(-20, 21) : Pick(random, Ints),
            _ when type == typeof(long) => random.Next(3) == 0 ? (long)random.Next(-20, 21) : Pick(random, Longs),
            _ when type == typeof(decimal) => random.Next(3) == 0 ? random.Next(-20, 21) / 2m : Pick(random, Decimals),
            _ when type == typeof(double) => Pick(random, Doubles),
            _ when type == typeof(bool) => random.Next(2) == 0,
            _ when type == typeof(DateOnly) => Pick(random, LineGenerator.BoundaryDates),
            _ when type.IsEnum => Pick(random, Enum.GetValues(type).Cast<object>().ToArray()),
            _ => null,
        };
        return value is not null || type == typeof(string);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
