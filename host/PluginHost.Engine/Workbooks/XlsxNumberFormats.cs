using ExcelDataReader.Core.NumberFormat;

namespace PluginHost.Engine.Workbooks;

/// <summary>What a number cell holds, by its style's number format.</summary>
internal enum XlsxNumberKind
{
    /// <summary>A plain number (double).</summary>
    Number,

    /// <summary>A serial date and time (DateTime).</summary>
    Date,

    /// <summary>A duration, such as <c>[h]:mm:ss</c> (TimeSpan).</summary>
    Duration,
}

/// <summary>
/// Date and duration formats as ExcelDataReader 3.6 tells them. Custom format codes go through its own public parser
/// (<see cref="NumberFormatString"/>: quoted text, <c>[Red]</c>, <c>[$-41D]</c>, escapes, <c>[h]</c> ...), so the
/// decision is its decision; the built-in ids are its built-in table (ids it does not know, 23 to 36 and past 49, are numbers).
/// </summary>
internal static class XlsxNumberFormats
{
    /// <summary>The kind of a custom format code.</summary>
    public static XlsxNumberKind KindOf(string formatCode)
    {
        var format = new NumberFormatString(formatCode);
        return format.IsDateTimeFormat ? XlsxNumberKind.Date : format.IsTimeSpanFormat ? XlsxNumberKind.Duration : XlsxNumberKind.Number;
    }

    /// <summary>
    /// The kind of a built-in format id: 14-22 (<c>d/m/yyyy</c> ... <c>m/d/yy h:mm</c>), 45 (<c>mm:ss</c>) and 47
    /// (<c>mm:ss.0</c>) are dates, 46 (<c>[h]:mm:ss</c>) a duration; 49 (<c>@</c>, text) and the rest numbers.
    /// </summary>
    public static XlsxNumberKind BuiltinKindOf(int id) => id switch
    {
        >= 14 and <= 22 or 45 or 47 => XlsxNumberKind.Date,
        46 => XlsxNumberKind.Duration,
        _ => XlsxNumberKind.Number,
    };
}
