using System.Globalization;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Reports.Languages;

/// <summary>
/// The language of a report's labels (<c>--lang</c>: en, sv, nb) and the culture of its numbers and dates (<c>--culture</c>).
/// Without a culture, English keeps the invariant formats (ISO dates, 1600.00) and Swedish and Norwegian take sv-SE and nb-NO.
/// </summary>
public sealed record ReportLanguage(string Code, CultureInfo Culture)
{
    /// <summary>The languages reports are written in.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "sv", "nb"];

    /// <summary>English labels, invariant formats: the default.</summary>
    public static ReportLanguage English { get; } = new("en", CultureInfo.InvariantCulture);

    /// <summary>The labels of this language, by the names templates use (<c>{{L.Batch}}</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels => ReportLabels.For(Code);

    /// <summary>The culture's name as recorded with a report ("" for invariant).</summary>
    public string CultureName => Culture.Name;

    /// <summary>A label; a name no language has is a programming error.</summary>
    public string this[string name] => Labels[name];

    /// <summary>A label that is a sentence with places ({0}, {1} ...) filled with values already formatted.</summary>
    public string Format(string name, params object[] values) => string.Format(CultureInfo.InvariantCulture, Labels[name], values);

    /// <summary>The language from <c>--lang</c> and <c>--culture</c>, or a problem naming the option that is wrong.</summary>
    public static (ReportLanguage? Language, Problem? Problem) From(string? lang, string? culture)
    {
        var code = (lang ?? "en").Trim().ToLowerInvariant() switch
        {
            "no" or "nn" or "nb-no" or "norsk" => "nb", // Norwegian asked for by another name gets Bokmål labels
            "sv-se" or "svenska" => "sv",
            "en-us" or "en-gb" or "english" => "en",
            var other => other,
        };
        if (!Codes.Contains(code))
            return (null, Problem.Error("USAGE002", $"--lang {lang} is not a report language; use one of {string.Join(", ", Codes)}", new SourceLocation()));
        CultureInfo info;
        try
        {
            info = culture is { Length: > 0 } ? CultureInfo.GetCultureInfo(culture, predefinedOnly: true)
                : code == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(code == "sv" ? "sv-SE" : "nb-NO");
        }
        catch (CultureNotFoundException)
        {
            return (null, Problem.Error("USAGE001", $"--culture {culture} is not a known culture (try sv-SE, nb-NO or en-US)", new SourceLocation()));
        }
        return (new ReportLanguage(code, info), null);
    }
}
