using System.Globalization;
using PluginHost.Engine.Languages;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Turns a raw cell into a column's value, or says why it cannot: an unreadable value is an error at its
/// cell, never a silent zero. Numbers never pass through binary floating point on their way to a decimal
/// except where the file itself stores a double, and then through its text to Excel's 15 significant digits, which
/// is the number the user typed and sees.
/// </summary>
public static class CellParser
{
    /// <summary>
    /// The outcome: a value (null for an empty cell) or an error message; <paramref name="NeedsCulture"/> when the value
    /// is written the local way and would read with the culture the workbook is written in.
    /// </summary>
    public readonly record struct Parsed(object? Value, string? Error, bool NeedsCulture = false);

    /// <summary>Reads a cell for a column; an error is told in <paramref name="text"/>'s language (else English).</summary>
    public static Parsed Parse(object? raw, JournalColumn column, CultureInfo culture, HostText? text = null)
    {
        var t = text ?? HostText.English;
        if (raw is null || raw is string s && string.IsNullOrWhiteSpace(s))
            return new Parsed(EmptyValue(column), null);
        if (raw is ExcelError error)
            return new Parsed(null, t.Format("Cell.ExcelError", error.Code));
        return column.Kind switch
        {
            ValueKind.Text => CheckText(AsText(raw), t),
            ValueKind.Decimal => ParseDecimal(raw, column.Declaration.Decimals, culture, t),
            ValueKind.Integer => ParseInteger(raw, column.ValueType, t),
            ValueKind.Date => CheckDate(ParseDate(raw, culture, t), t),
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
    private static Parsed CheckText(string text, HostText t)
    {
        if (text.Length > MaxTextLength)
            return new Parsed(null, t.Format("Cell.TooLong", text.Length, MaxTextLength));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                return new Parsed(null, t.Format("Cell.Invisible", ((int)c).ToString("X4", CultureInfo.InvariantCulture), i + 1));
        }
        return new Parsed(text, null);
    }

    /// <summary>Dates before 1900 are not dates Excel holds, and no posting date: a typo, refused at the cell.</summary>
    private static Parsed CheckDate(Parsed parsed, HostText t) =>
        parsed.Value is DateOnly date && date.Year < 1900 ? new Parsed(null, t.Format("Cell.Before1900", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) : parsed;

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

    private static Parsed ParseDecimal(object raw, int maxDecimals, CultureInfo culture, HostText t)
    {
        decimal value;
        switch (raw)
        {
            case double d:
                // Excel keeps 15 significant digits: =0.1+0.2 is 0.3 on screen and here, not 0.30000000000000004.
                if (!decimal.TryParse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                    return new Parsed(null, t.Format("Cell.TooLargeForAmount", AsText(raw)));
                break;
            case string text:
                var number = ParseNumber(text.Trim(), culture, t);
                if (number.Error is not null)
                    return number;
                value = (decimal)number.Value!;
                break;
            case DateTime:
                return new Parsed(null, t.Format("Cell.DateNotNumber", AsText(raw)));
            default:
                return new Parsed(null, t.Format("Cell.NotANumber", AsText(raw)));
        }
        if (Math.Abs(value) > Largest)
            return new Parsed(null, t.Format("Cell.TooLarge", AsText(raw), Largest.ToString(CultureInfo.InvariantCulture)));
        var exact = value / 1.000000000000000000000000000000000m; // drops trailing zeros, keeps every digit
        if (exact.Scale > maxDecimals)
            return new Parsed(null, t.Format("Cell.TooManyDecimals", AsText(raw), exact.Scale, maxDecimals));
        return new Parsed(exact, null);
    }

    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>
    /// A number as the culture writes it, or plainly with a decimal point. Group separators are accepted only in
    /// well-formed groups of three, so "12,5,0" is an error rather than 1250; and without a culture a comma is
    /// ambiguous (a decimal comma in Sweden and Norway, a thousands separator elsewhere), so it is refused, not guessed.
    /// </summary>
    private static Parsed ParseNumber(string text, CultureInfo culture, HostText t)
    {
        var format = culture.NumberFormat;
        if (decimal.TryParse(text, Plain, format, out var value))
            return new Parsed(value, null);
        var invariant = culture.Equals(CultureInfo.InvariantCulture);
        if (invariant && text.Contains(',', StringComparison.Ordinal) && (decimal.TryParse(text.Replace(',', '.'), Plain, format, out _) || WellGrouped(text, ",", ".")))
            return new Parsed(null, t.Format("Cell.AmbiguousComma", text), NeedsCulture: true);
        var group = format.NumberGroupSeparator;
        var normalized = group is "\u00A0" or "\u202F" ? text.Replace(' ', group[0]) : text;
        if (!invariant && group.Length > 0 && normalized.Contains(group, StringComparison.Ordinal) && WellGrouped(normalized, group, format.NumberDecimalSeparator)
            && decimal.TryParse(normalized, Plain | NumberStyles.AllowThousands, format, out value))
            return new Parsed(value, null);
        if (decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out value))
            return new Parsed(value, null);
        if (invariant && text.Any(char.IsAsciiDigit) && text.Any(c => c is ' ' or '\u00A0' or '\u202F' or '\''))
            return new Parsed(null, t.Format("Cell.NotPlainNumber", text), NeedsCulture: true);
        return new Parsed(null, t.Format("Cell.NotANumber", text));
    }

    private static bool WellGrouped(string text, string group, string decimalSeparator)
    {
        var integral = text.Split(decimalSeparator)[0].TrimStart('-', '+');
        var groups = integral.Split(group);
        return groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3) && groups.All(g => g.All(char.IsAsciiDigit));
    }

    private static Parsed ParseInteger(object raw, Type type, HostText t)
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
                return new Parsed(null, t.Format("Cell.NotWholeNumber", AsText(raw)));
        }
        if (type == typeof(int))
            return value is >= int.MinValue and <= int.MaxValue ? new Parsed((int)value, null) : new Parsed(null, t.Format("Cell.WholeTooLarge", value));
        return new Parsed(value, null);
    }

    private static Parsed ParseDate(object raw, CultureInfo culture, HostText t)
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
                    return trimmed.Any(char.IsAsciiDigit) ? new Parsed(null, t.Format("Cell.NotIsoDate", trimmed), NeedsCulture: true) : new Parsed(null, t.Format("Cell.NotADate", trimmed));
                // Only the culture's own short-date patterns: 05.11.2026 is never guessed as May 11 or November 5.
                if (DateOnly.TryParseExact(trimmed, culture.DateTimeFormat.GetAllDateTimePatterns('d'), culture, DateTimeStyles.None, out var local))
                    return new Parsed(local, null);
                return new Parsed(null, t.Format("Cell.NotADateIn", trimmed, culture.Name, new DateTime(2026, 1, 31).ToString("d", culture)));
            case double d:
                return new Parsed(null, t.Format("Cell.NumberNotDate", AsText(d)));
            default:
                return new Parsed(null, t.Format("Cell.NotADate", AsText(raw)));
        }
    }
}
