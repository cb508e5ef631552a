namespace PluginHost.Engine.Ledger;

/// <summary>
/// Quantities and amounts are stored as exact integers of their smallest unit (docs/ledger-store.md): a
/// quantity of 8.5 as 850000 (5 decimals), an amount of 12.30 as 1230 (2 decimals). SQLite then sums them
/// exactly; no REAL column ever holds a figure.
/// </summary>
public static class Scaled
{
    /// <summary>Decimals kept for quantities and run times.</summary>
    public const int QuantityDecimals = 5;

    /// <summary>Decimals kept for amounts.</summary>
    public const int AmountDecimals = 2;

    private const decimal QuantityFactor = 100_000m;

    /// <summary>A quantity as stored; throws when it has more than 5 decimals, so nothing is rounded silently.</summary>
    public static long Quantity(decimal value)
    {
        var scaled = value * QuantityFactor;
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"a quantity has at most {QuantityDecimals} decimals");
        return checked((long)scaled);
    }

    /// <summary>A stored quantity as a decimal, without trailing zeros.</summary>
    public static decimal Quantity(long stored) => stored / QuantityFactor / 1.000000000000000000000000000000000m;

    private const decimal AmountFactor = 100m;

    /// <summary>An amount as stored, in cents; throws when it has more than 2 decimals, so nothing is rounded silently.</summary>
    public static long Amount(decimal value)
    {
        var scaled = value * AmountFactor;
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentOutOfRangeException(nameof(value), value, $"an amount has at most {AmountDecimals} decimals");
        return checked((long)scaled);
    }

    /// <summary>A stored amount as a decimal (1230 is 12.3; reports format it with two decimals).</summary>
    public static decimal Amount(long stored) => stored / AmountFactor;
}
