using System.Globalization;

namespace PluginHost.Engine.Rules.Runtime;

/// <summary>
/// How values appear in rule messages: decimals without trailing zeros and without grouping, with the decimal separator
/// and minus sign of the batch's language (45,5 and −45,5 in Swedish and Norwegian, as the report writes them), ISO dates.
/// </summary>
public static class RuleText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>Formats a value for a message in English.</summary>
    public static string Format(object? value) => Format(value, "en");

    /// <summary>Formats a value for a message in a language (en, sv, nb).</summary>
    public static string Format(object? value, string language)
    {
        var culture = language switch { "sv" => Swedish, "nb" => Norwegian, _ => CultureInfo.InvariantCulture };
        return value switch
        {
            null => Languages.HostText.For(language)["Rule.Empty"],
            decimal d => (d / 1.000000000000000000000000000000000m).ToString(culture),
            int or long or short or double or float => ((IFormattable)value).ToString(null, culture),
            _ => Invariant(value),
        };
    }

    private static string Invariant(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        Exception ex => $"(error: {ex.Message})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
