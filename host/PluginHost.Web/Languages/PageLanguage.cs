using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PluginHost.Web.Languages;

/// <summary>
/// The language of the page's own words: the one the user picked (a cookie), else the browser's first of Swedish,
/// Norwegian or English, else English. The labels follow the report labels' approach (<see cref="WebLabels"/>).
/// </summary>
public sealed record PageLanguage(string Code)
{
    /// <summary>The cookie that keeps the choice.</summary>
    public const string Cookie = "pluginhost.lang";

    /// <summary>The languages and their own names, as the switch shows them.</summary>
    public static IReadOnlyList<(string Code, string Name)> All { get; } = [("en", "English"), ("sv", "Svenska"), ("nb", "Norsk")];

    /// <summary>The words of this language.</summary>
    public IReadOnlyDictionary<string, string> Labels => WebLabels.For(Code);

    /// <summary>A label; a name no language has is a programming error.</summary>
    public string this[string name] => Labels[name];

    /// <summary>A label with places ({0}, {1} ...) filled with values already formatted.</summary>
    public string Format(string name, params object[] values) => string.Format(CultureInfo.InvariantCulture, Labels[name], values);

    /// <summary>The culture numbers on the page are written in.</summary>
    public CultureInfo Culture => Code switch
    {
        "sv" => CultureInfo.GetCultureInfo("sv-SE"),
        "nb" => CultureInfo.GetCultureInfo("nb-NO"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    /// <summary>A count in the page's culture (12,345 or 12 345).</summary>
    public string Count(long value) => value.ToString("N0", Culture);

    /// <summary>"1 line", "3 lines": a count with its noun (Lines, Errors, Rows) in the right number.</summary>
    public string Counted(string noun, long value) => Format($"Count.{noun}.{(value == 1 ? "One" : "Other")}", Count(value));

    /// <summary>The language code for a code or name users might give, or null.</summary>
    public static string? Normalize(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "en" or "en-us" or "en-gb" => "en",
        "sv" or "sv-se" or "sv-fi" => "sv",
        "nb" or "no" or "nn" or "nb-no" or "nn-no" => "nb",
        _ => null,
    };

    /// <summary>The language of a request.</summary>
    public static PageLanguage Of(HttpContext http)
    {
        if (Normalize(http.Request.Cookies[Cookie]) is { } chosen)
            return new PageLanguage(chosen);
        var accepted = http.Request.Headers.AcceptLanguage.ToString().Split(',')
            .Select(part => Normalize(part.Split(';')[0]) ?? Normalize(part.Split(';')[0].Split('-')[0]))
            .FirstOrDefault(code => code is not null);
        return new PageLanguage(accepted ?? "en");
    }
}
