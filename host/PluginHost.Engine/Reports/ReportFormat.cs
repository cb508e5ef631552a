using System.Globalization;

namespace PluginHost.Engine.Reports;

/// <summary>Number and date formats of reports: invariant, decimals without trailing zeros, ISO dates.</summary>
public static class ReportFormat
{
    /// <summary>A quantity: 8, 8.5, -2.25.</summary>
    public static string Quantity(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>An amount with its two decimals: 12.30, -1600.00.</summary>
    public static string Amount(decimal value) => decimal.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A date: 2026-11-21.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time: 2026-11-21 14:05 UTC.</summary>
    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
