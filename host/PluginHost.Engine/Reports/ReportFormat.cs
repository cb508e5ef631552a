using System.Globalization;

namespace PluginHost.Engine.Reports;

/// <summary>
/// Number and date formats of reports. The invariant culture (English's default) writes ISO dates and plain decimals
/// (1600.00) that paste anywhere; any other culture writes its own: sv-SE 1 600,00 and 2026-11-21, nb-NO 1 600,00 and 21.11.2026.
/// </summary>
public static class ReportFormat
{
    /// <summary>A quantity without trailing zeros: 8, 8.5, -2.25.</summary>
    public static string Quantity(decimal value, CultureInfo? culture = null)
    {
        var normalised = value / 1.000000000000000000000000000000000m;
        return IsInvariant(culture) ? normalised.ToString(CultureInfo.InvariantCulture) : normalised.ToString("#,0.############################", culture);
    }

    /// <summary>An amount with its two decimals: 12.30, -1600.00.</summary>
    public static string Amount(decimal value, CultureInfo? culture = null) =>
        decimal.Round(value, 2).ToString(IsInvariant(culture) ? "0.00" : "#,0.00", culture ?? CultureInfo.InvariantCulture);

    /// <summary>A date: 2026-11-21, or the culture's short date.</summary>
    public static string Date(DateOnly value, CultureInfo? culture = null) =>
        IsInvariant(culture) ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value.ToString("d", culture);

    /// <summary>A time: 2026-11-21 14:05 UTC, or the culture's short date and time, always in UTC.</summary>
    public static string Time(DateTimeOffset value, CultureInfo? culture = null) =>
        IsInvariant(culture) ? value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : value.ToUniversalTime().ToString("g", culture) + " UTC";

    /// <summary>A count with the culture's grouping: 100,000 or 100 000.</summary>
    public static string Count(int value, CultureInfo? culture = null) => value.ToString("#,0", culture ?? CultureInfo.InvariantCulture);

    private static bool IsInvariant(CultureInfo? culture) => culture is null || culture.Name.Length == 0;
}
