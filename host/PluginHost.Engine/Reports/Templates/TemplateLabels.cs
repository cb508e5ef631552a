using System.Text;
using System.Text.Json;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// The consultants' own labels, <c>templates/labels.json</c>: a header for a column they added, in each language,
/// without touching C#. <c>{ "Cost": { "en": "Cost", "sv": "Kostnad", "nb": "Kostnad" } }</c> gives <c>L.Cost</c>. A
/// name the host already has is replaced. A language left out falls back to the English text, with a warning.
/// </summary>
public sealed class TemplateLabels
{
    /// <summary>The file's name in the templates folder.</summary>
    public const string FileName = "labels.json";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byLanguage;

    private TemplateLabels(Dictionary<string, IReadOnlyDictionary<string, string>> byLanguage) => _byLanguage = byLanguage;

    /// <summary>The host's labels only.</summary>
    public static TemplateLabels HostOnly { get; } = new(ReportLanguage.Codes.ToDictionary(c => c, ReportLabels.For));

    /// <summary>The labels of a language: the host's, with the file's added or replacing them.</summary>
    public IReadOnlyDictionary<string, string> For(string language) => _byLanguage.TryGetValue(language, out var labels) ? labels : _byLanguage["en"];

    /// <summary>Every label name, for the check of <c>L.Name</c> in templates.</summary>
    public IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)_byLanguage["en"].Keys;

    /// <summary>Reads <c>labels.json</c> of a folder (none is fine); problems name the file, line and column.</summary>
    public static (TemplateLabels Labels, IReadOnlyList<Problem> Problems) Load(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
            return (HostOnly, []);
        var bytes = File.ReadAllBytes(file);
        var bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var problems = new List<Problem>();
        var added = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        SourceLocation At(long offset) => Position(file, bytes, bom + offset);
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(bom), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Expect(ref reader, JsonTokenType.StartObject, "the file must be one object: { \"Name\": { \"en\": \"...\", \"sv\": \"...\", \"nb\": \"...\" } }");
            while (Read(ref reader) != JsonTokenType.EndObject)
            {
                var nameAt = reader.TokenStartIndex;
                var name = reader.GetString()!;
                if (added.ContainsKey(name))
                    problems.Add(Problem.Error("TEMPLATE021", $"label '{name}' is given twice; keep one", At(nameAt)));
                if (!TemplateNames.IsIdentifier(name))
                    problems.Add(Problem.Error("TEMPLATE021", $"label '{name}' cannot be written as L.{name} in a template; use letters, digits and _ only, starting with a letter", At(nameAt)));
                Expect(ref reader, JsonTokenType.StartObject, $"label '{name}' must be an object of texts by language: {{ \"en\": \"...\", \"sv\": \"...\", \"nb\": \"...\" }}");
                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                while (Read(ref reader) != JsonTokenType.EndObject)
                {
                    var languageAt = reader.TokenStartIndex;
                    var language = reader.GetString()!;
                    Expect(ref reader, JsonTokenType.String, $"the {language} text of label '{name}' must be a string");
                    if (!ReportLanguage.Codes.Contains(language))
                        problems.Add(Problem.Error("TEMPLATE022", $"label '{name}' has a text in '{language}', which is not a report language ({string.Join(", ", ReportLanguage.Codes)}){LanguageHint(language)}", At(languageAt)));
                    else
                        texts[language] = reader.GetString()!;
                }
                if (!texts.ContainsKey("en"))
                    problems.Add(Problem.Error("TEMPLATE023", $"label '{name}' has no en text, which every label needs (other languages fall back to it)", At(nameAt)));
                else
                    foreach (var missing in ReportLanguage.Codes.Where(c => !texts.ContainsKey(c)))
                        problems.Add(Problem.Warning("TEMPLATE023", $"label '{name}' has no {missing} text; {missing} reports show the English one", At(nameAt)));
                added[name] = texts;
            }
        }
        catch (JsonException ex)
        {
            return (HostOnly, [Problem.Error("TEMPLATE020", $"{FileName} is not readable JSON: {LabelsJsonMessage(ex)}", SourceLocation.InText(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1))]);
        }
        catch (LabelsShapeException ex)
        {
            return (HostOnly, [Problem.Error("TEMPLATE020", ex.Message, At(ex.Offset))]);
        }
        // With errors the labels are not used, but the good ones are still given to the templates' check, so that a
        // template naming a label of the file is not also told the label does not exist.
        var byLanguage = ReportLanguage.Codes.ToDictionary(c => c, c =>
        {
            var labels = new Dictionary<string, string>(ReportLabels.For(c), StringComparer.Ordinal);
            foreach (var (name, texts) in added)
                labels[name] = texts.GetValueOrDefault(c) ?? texts.GetValueOrDefault("en") ?? texts.Values.FirstOrDefault() ?? name;
            return (IReadOnlyDictionary<string, string>)labels;
        });
        return (new TemplateLabels(byLanguage), problems);
    }

    private static string LanguageHint(string language) =>
        ReportLanguage.From(language, null).Language is { } meant ? $"; did you mean '{meant.Code}'?" : "";

    private static JsonTokenType Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new LabelsShapeException("the file ends before its last }", reader.TokenStartIndex);
        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string otherwise)
    {
        if (Read(ref reader) != type)
            throw new LabelsShapeException(otherwise, reader.TokenStartIndex);
    }

    private static string LabelsJsonMessage(JsonException ex)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 28."; the place is in the problem already.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is var path and > 0 ? path : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static SourceLocation Position(string file, byte[] bytes, long offset)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, (int)Math.Min(offset, bytes.Length));
        var line = text.Count(c => c == '\n') + 1;
        var column = text.Length - (text.LastIndexOf('\n') + 1) + 1;
        return SourceLocation.InText(file, line, column);
    }

    private sealed class LabelsShapeException(string message, long offset) : Exception(message)
    {
        public long Offset { get; } = offset;
    }
}
