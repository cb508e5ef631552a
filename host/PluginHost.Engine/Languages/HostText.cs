using System.Globalization;

namespace PluginHost.Engine.Languages;

/// <summary>
/// What the host itself says to a user, in the batch's language (en, sv, nb): the messages about cells, sheets and
/// files, and the command line's summary lines. Terms come from the glossary (<c>{=Key}</c>); values fill <c>{0}</c>,
/// <c>{1}</c> ... Every language has every name: a test holds them to the English set.
/// </summary>
public sealed class HostText
{
    private readonly IReadOnlyDictionary<string, string> _texts;

    private HostText(string code, IReadOnlyDictionary<string, string> texts) => (Code, _texts) = (code, texts);

    /// <summary>The language code.</summary>
    public string Code { get; }

    /// <summary>English, the default.</summary>
    public static HostText English { get; } = new("en", HostTexts.English);

    private static readonly HostText Swedish = new("sv", HostTexts.Swedish);
    private static readonly HostText Norwegian = new("nb", HostTexts.Norwegian);

    /// <summary>The texts of a language code; another code gets English.</summary>
    public static HostText For(string code) => code switch { "sv" => Swedish, "nb" => Norwegian, _ => English };

    /// <summary>The names of the texts, for the test that every language has every one.</summary>
    public IEnumerable<string> Names => _texts.Keys;

    /// <summary>A text; a name no language has is a programming error.</summary>
    public string this[string name] => _texts[name];

    /// <summary>A text with its places filled; numbers in the invariant form the ledger stores.</summary>
    public string Format(string name, params object?[] values) => string.Format(CultureInfo.InvariantCulture, _texts[name], values);
}
