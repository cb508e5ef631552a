using System.Globalization;

namespace PluginHost.Engine.Rules.Runtime;

/// <summary>How values appear in rule messages: invariant, decimals without trailing zeros, ISO dates.</summary>
public static class RuleText
{
    /// <summary>Formats a value for a message.</summary>
    public static string Format(object? value) => value switch
    {
        null => "(empty)",
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        Exception ex => $"(error: {ex.Message})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
