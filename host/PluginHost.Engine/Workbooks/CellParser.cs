using System.Globalization;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Turns a raw cell into a column's value, or says why it cannot: an unreadable value is an error at its
/// cell, never a silent zero. Numbers never pass through binary floating point on their way to a decimal
/// except where the file itself stores a double, and then through its text to Excel's 15 significant digits, which
/// is the number the user typed and sees.
/// </summary>
public static class CellParser
{
    /// <summary>The outcome: a value (null for an empty cell) or an error message.</summary>
    public readonly record struct Parsed(object? Value, string? Error);

    /// <summary>Reads a cell for a column.</summary>
    public static Parsed Parse(object? raw, JournalColumn column, CultureInfo culture)
    {
        if (raw is null || raw is string s && string.IsNullOrWhiteSpace(s))
            return new Parsed(EmptyValue(column), null);
        if (raw is ExcelError error)
            return new Parsed(null, $"holds the Excel error {error.Code}, not a value; correct the formula or type the value");
        return column.Kind switch
        {
            ValueKind.Text => CheckText(AsText(raw)),
            ValueKind.Decimal => ParseDecimal(raw, column.Declaration.Decimals, culture),
            ValueKind.Integer => ParseInteger(raw, column.ValueType, culture),
            ValueKind.Date => CheckDate(ParseDate(raw, culture)),
            _ => throw new InvalidOperationException($"unknown value kind {column.Kind}"),
        };
    }

    /// <summary>The longest text a cell may hold: Business Central's longest text field.</summary>
    public const int MaxTextLength = 250;

    /// <summary>
    /// Text is refused when it is longer than any ledger field, or holds characters that hide or reorder what the
    /// reader sees: control characters (except tab and line breaks) and the bidirectional overrides that can make
    /// "ITEM-1" display as something else.
    /// </summary>
    private static Parsed CheckText(string text)
    {
        if (text.Length > MaxTextLength)
            return new Parsed(null, $"is {text.Length} characters long; at most {MaxTextLength} fit");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return new Parsed(null, $"holds the invisible character U+{(int)c:X4} at position {i + 1}; retype the value");
        }
        return new Parsed(text, null);
    }

    /// <summary>Dates before 1900 are not dates Excel holds, and no posting date: a typo, refused at the cell.</summary>
    private static Parsed CheckDate(Parsed parsed) =>
        parsed.Value is DateOnly date && date.Year < 1900 ? new Parsed(null, $"{date:yyyy-MM-dd} is before 1900; check the year") : parsed;

    /// <summary>Text as the user sees it: numbers without binary noise, dates in ISO form.</summary>
    public static string AsText(object raw) => raw switch
    {
        string text => text.Trim(),
        double d => d.ToString("G15", CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => raw.ToString() ?? "",
    };

    private static object? EmptyValue(JournalColumn column) => column switch
    {
        { Kind: ValueKind.Text } => "",
        { IsNullable: true } => null,
        { Kind: ValueKind.Decimal } => 0m,
        { ValueType: var t } when t == typeof(int) => 0,
        { ValueType: var t } when t == typeof(long) => 0L,
        _ => null,
    };

    /// <summary>The largest magnitude a quantity or amount may have: far beyond any journal, far inside exact storage.</summary>
    public const decimal Largest = 999_999_999_999m;

    private static Parsed ParseDecimal(object raw, int maxDecimals, CultureInfo culture)
    {
        decimal value;
        switch (raw)
        {
            case double d:
                // Excel keeps 15 significant digits: =0.1+0.2 is 0.3 on screen and here, not 0.30000000000000004.
                if (!decimal.TryParse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                    return new Parsed(null, $"{AsText(raw)} is too large for an amount or quantity");
                break;
            case string text:
                var number = ParseNumber(text.Trim(), culture);
                if (number.Error is not null)
                    return number;
                value = (decimal)number.Value!;
                break;
            case DateTime:
                return new Parsed(null, $"{AsText(raw)} is a date, not a number");
            default:
                return new Parsed(null, $"\"{AsText(raw)}\" is not a number");
        }
        if (Math.Abs(value) > Largest)
            return new Parsed(null, $"{AsText(raw)} is too large: at most {Largest.ToString(CultureInfo.InvariantCulture)}");
        var exact = value / 1.000000000000000000000000000000000m; // drops trailing zeros, keeps every digit
        if (exact.Scale > maxDecimals)
            return new Parsed(null, $"{AsText(raw)} has {exact.Scale} decimals; at most {maxDecimals} are allowed (it is not rounded)");
        return new Parsed(exact, null);
    }

    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>
    /// A number as the culture writes it, or plainly with a decimal point. Group separators are accepted only in
    /// well-formed groups of three, so "12,5,0" is an error rather than 1250; and without a culture a comma is
    /// ambiguous (a decimal comma in Sweden and Norway, a thousands separator elsewhere), so it is refused, not guessed.
    /// </summary>
    private static Parsed ParseNumber(string text, CultureInfo culture)
    {
        var format = culture.NumberFormat;
        if (decimal.TryParse(text, Plain, format, out var value))
            return new Parsed(value, null);
        var invariant = culture.Equals(CultureInfo.InvariantCulture);
        if (invariant && text.Contains(',', StringComparison.Ordinal) && (decimal.TryParse(text.Replace(',', '.'), Plain, format, out _) || WellGrouped(text, ",", ".")))
            return new Parsed(null, $"\"{text}\" is ambiguous: a comma is a decimal comma in Sweden and Norway and a thousands separator elsewhere; give --culture (sv-SE, nb-NO, en-US ...) or write the number without grouping, with a decimal point");
        var group = format.NumberGroupSeparator;
        var normalized = group is "\u00A0" or "\u202F" ? text.Replace(' ', group[0]) : text;
        if (!invariant && group.Length > 0 && normalized.Contains(group, StringComparison.Ordinal) && WellGrouped(normalized, group, format.NumberDecimalSeparator)
            && decimal.TryParse(normalized, Plain | NumberStyles.AllowThousands, format, out value))
            return new Parsed(value, null);
        if (decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out value))
            return new Parsed(value, null);
        if (invariant && text.Any(char.IsAsciiDigit) && text.Any(c => c is ' ' or '\u00A0' or '\u202F' or '\''))
            return new Parsed(null, $"\"{text}\" is not a plain number; if it is written the local way (1 234,5), give --culture (sv-SE, nb-NO ...)");
        return new Parsed(null, $"\"{text}\" is not a number");
    }

    private static bool WellGrouped(string text, string group, string decimalSeparator)
    {
        var integral = text.Split(decimalSeparator)[0].TrimStart('-', '+');
        var groups = integral.Split(group);
        return groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3) && groups.All(g => g.All(char.IsAsciiDigit));
    }

    private static Parsed ParseInteger(object raw, Type type, CultureInfo culture)
    {
        long value;
        switch (raw)
        {
            case double d when d == Math.Floor(d) && Math.Abs(d) < 9e15:
                value = (long)d;
                break;
            case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value):
                break;
            default:
                return new Parsed(null, $"\"{AsText(raw)}\" is not a whole number");
        }
        if (type == typeof(int))
            return value is >= int.MinValue and <= int.MaxValue ? new Parsed((int)value, null) : new Parsed(null, $"{value} is too large");
        return new Parsed(value, null);
    }

    private static Parsed ParseDate(object raw, CultureInfo culture)
    {
        switch (raw)
        {
            case DateTime dt:
                return new Parsed(DateOnly.FromDateTime(dt), null);
            case string text:
                var trimmed = text.Trim();
                if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
                    return new Parsed(iso, null);
                if (culture.Equals(CultureInfo.InvariantCulture))
                    return new Parsed(null, $"\"{trimmed}\" is not a date in ISO form (2026-01-31); for dates written the local way, give --culture (sv-SE, nb-NO, en-US ...)");
                // Only the culture's own short-date patterns: 05.11.2026 is never guessed as May 11 or November 5.
                if (DateOnly.TryParseExact(trimmed, culture.DateTimeFormat.GetAllDateTimePatterns('d'), culture, DateTimeStyles.None, out var local))
                    return new Parsed(local, null);
                return new Parsed(null, $"\"{trimmed}\" is not a date (write it as 2026-01-31 or as {culture.Name} writes dates, {new DateTime(2026, 1, 31).ToString("d", culture)})");
            case double d:
                return new Parsed(null, $"{AsText(d)} is a number, not a date; format the cell as a date");
            default:
                return new Parsed(null, $"\"{AsText(raw)}\" is not a date");
        }
    }
}
