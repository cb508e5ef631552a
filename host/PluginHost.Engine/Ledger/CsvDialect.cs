using System.Globalization;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// How a CSV file separates values and writes decimals, as the spreadsheet of its readers opens it: in English a comma
/// and a decimal point; in Swedish and Norwegian a semicolon and a decimal comma (Excel there reads a comma as the
/// decimal separator), with a plain minus sign and no digit grouping, so every figure stays one number.
/// </summary>
public sealed record CsvDialect(char Separator, char DecimalSeparator)
{
    /// <summary>Commas and decimal points.</summary>
    public static CsvDialect English { get; } = new(',', '.');

    /// <summary>Semicolons and decimal commas.</summary>
    public static CsvDialect Nordic { get; } = new(';', ',');

    /// <summary>The dialect of a language code (en, sv, nb).</summary>
    public static CsvDialect For(string languageCode) => languageCode is "sv" or "nb" ? Nordic : English;

    /// <summary>A figure as written invariantly (-1600.00), in this dialect (-1600,00); other values as they are.</summary>
    public string Number(string invariant, Type type) =>
        DecimalSeparator != '.' && (Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal) ? invariant.Replace('.', DecimalSeparator) : invariant;

    /// <summary>True for a figure in this dialect (a leading minus is then a sign, not a formula).</summary>
    public bool IsNumber(string value) =>
        decimal.TryParse(DecimalSeparator == '.' ? value : value.Replace(DecimalSeparator, '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
