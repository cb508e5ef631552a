using System.Text.Json;
using System.Text.RegularExpressions;

namespace PluginHost.Engine.Languages;

/// <summary>
/// The products' terms in English, Swedish and Norwegian, with the source of each (languages/glossary.json, built into
/// this assembly). Labels of reports, pages and templates name a term instead of spelling it (<c>{=Output}</c>, or
/// <c>{-Output}</c> in lower case), so one word means one thing everywhere; a word a term lists under <c>avoid</c> is
/// wrong in that language, and a test keeps it out of every label, caption and shipped rule message.
/// </summary>
public static partial class Glossary
{
    /// <summary>One term.</summary>
    public sealed record Term(string Key, IReadOnlyDictionary<string, string> Words, string Source, IReadOnlyDictionary<string, IReadOnlyList<string>> Avoid);

    /// <summary>The terms by key.</summary>
    public static IReadOnlyDictionary<string, Term> Terms { get; } = Load();

    /// <summary>The word of a term in a language (en, sv, nb); an unknown key is a programming error.</summary>
    public static string Word(string key, string language) =>
        Terms.TryGetValue(key, out var term) ? term.Words.GetValueOrDefault(language) ?? term.Words["en"] : throw new KeyNotFoundException($"the glossary has no term '{key}'");

    /// <summary>The words to avoid in a language, with the term whose word to use instead.</summary>
    public static IEnumerable<(string Avoid, Term Instead)> Avoided(string language) =>
        Terms.Values.SelectMany(t => (t.Avoid.GetValueOrDefault(language) ?? []).Select(a => (a, t)));

    /// <summary>A label with its <c>{=Key}</c> and <c>{-Key}</c> references replaced by the terms' words in <paramref name="language"/>.</summary>
    public static string Expand(string text, string language) =>
        !text.Contains('{', StringComparison.Ordinal) ? text : Reference().Replace(text, m =>
        {
            var word = Word(m.Groups["key"].Value, language);
            return m.Groups["case"].Value == "-" ? Lower(word, language) : word;
        });

    /// <summary>
    /// The word as it stands inside a sentence: each of its words lower-cased at its start ("Run Time": "run time"), but
    /// not an abbreviation in capitals (RMA).
    /// </summary>
    private static string Lower(string word, string language) =>
        string.Join(' ', word.Split(' ').Select(w => w.Length == 0 || (w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            ? w : char.ToLower(w[0], System.Globalization.CultureInfo.GetCultureInfo(language == "nb" ? "nb-NO" : language)) + w[1..]));

    [GeneratedRegex(@"\{(?<case>[=-])(?<key>[A-Za-z]+)\}")]
    private static partial Regex Reference();

    private static Dictionary<string, Term> Load()
    {
        using var stream = typeof(Glossary).Assembly.GetManifestResourceStream("glossary.json")
            ?? throw new InvalidOperationException("the glossary is not built into PluginHost.Engine");
        using var json = JsonDocument.Parse(stream);
        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var entry in json.RootElement.GetProperty("terms").EnumerateArray())
        {
            var words = new[] { "en", "sv", "nb" }.ToDictionary(code => code, code => entry.GetProperty(code).GetString()!, StringComparer.Ordinal);
            var avoid = entry.TryGetProperty("avoid", out var a)
                ? a.EnumerateObject().ToDictionary(p => p.Name, p => (IReadOnlyList<string>)p.Value.EnumerateArray().Select(v => v.GetString()!).ToList(), StringComparer.Ordinal)
                : new Dictionary<string, IReadOnlyList<string>>();
            var key = entry.GetProperty("key").GetString()!;
            terms.Add(key, new Term(key, words, entry.GetProperty("source").GetString()!, avoid));
        }
        return terms;
    }
}
