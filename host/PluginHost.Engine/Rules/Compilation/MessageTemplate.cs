using System.Text;
using PluginHost.Engine.Rules.Json;
using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// A rule's ErrorMessage with RulesEngine's <c>$(path)</c> placeholders, and its translations (Properties
/// <c>ErrorMessage.sv</c>, <c>ErrorMessage.nb</c> ...): the message of the batch's language, else ErrorMessage. Each
/// distinct path is compiled once with the rules, so a misspelt path in any language is found at load, not shown to a
/// user as a blank; a failing rule evaluates each once, whichever language is shown.
/// </summary>
public sealed class MessageTemplate
{
    private readonly Variant _default;
    private readonly IReadOnlyDictionary<string, Variant> _translations;

    /// <summary>A placeholder: the path's text, where it starts in its message, and that message's node.</summary>
    public sealed record Placeholder(string Path, int Start, int Length, JsonStringNode Source);

    /// <summary>One language's text, and for each of its placeholders where it stands and which value fills it.</summary>
    private sealed record Variant(string Text, IReadOnlyList<(int Start, int Length, int Value)> Slots);

    private MessageTemplate(Variant @default, IReadOnlyDictionary<string, Variant> translations, IReadOnlyList<Placeholder> placeholders)
    {
        _default = @default;
        _translations = translations;
        Placeholders = placeholders;
    }

    /// <summary>The distinct placeholders of all languages, in order of first appearance: the values a failure evaluates.</summary>
    public IReadOnlyList<Placeholder> Placeholders { get; }

    /// <summary>Parses a rule's messages; a rule without ErrorMessage gets "Rule NAME failed".</summary>
    public static MessageTemplate Parse(RuleDefinition rule)
    {
        var placeholders = new List<Placeholder>();
        Variant Read(JsonStringNode node)
        {
            var slots = new List<(int, int, int)>();
            foreach (var (path, start, length) in Scan(node.Value))
            {
                var value = placeholders.FindIndex(p => p.Path == path);
                if (value < 0)
                {
                    value = placeholders.Count;
                    placeholders.Add(new Placeholder(path, start, length, node));
                }
                slots.Add((start, length, value));
            }
            return new Variant(node.Value, slots);
        }
        var @default = rule.ErrorMessage is { } message && !string.IsNullOrWhiteSpace(message.Value) ? Read(message) : new Variant($"Rule {rule.Name} failed.", []);
        var translations = rule.TranslatedMessages.Where(t => !string.IsNullOrWhiteSpace(t.Value.Value))
            .ToDictionary(t => t.Key, t => Read(t.Value), StringComparer.OrdinalIgnoreCase);
        return new MessageTemplate(@default, translations, placeholders);
    }

    /// <summary>Finds <c>$(path)</c> placeholders as RulesEngine does (up to the first closing parenthesis).</summary>
    private static IEnumerable<(string Path, int Start, int Length)> Scan(string text)
    {
        for (var at = text.IndexOf("$(", StringComparison.Ordinal); at >= 0; at = text.IndexOf("$(", at, StringComparison.Ordinal))
        {
            var close = text.IndexOf(')', at + 2);
            if (close < 0)
                yield break;
            yield return (text[(at + 2)..close], at + 2, close - at - 2);
            at = close + 1;
        }
    }

    /// <summary>
    /// The message in <paramref name="language"/> (else ErrorMessage) with the placeholders' values (<paramref name="values"/>
    /// in the order of <see cref="Placeholders"/>); a missing value leaves the placeholder as written.
    /// </summary>
    public string Fill(IReadOnlyList<object?> values, string language = "en")
    {
        var variant = _translations.GetValueOrDefault(language) ?? _default;
        if (variant.Slots.Count == 0)
            return variant.Text;
        var text = new StringBuilder();
        var at = 0;
        foreach (var (start, length, value) in variant.Slots)
        {
            text.Append(variant.Text, at, start - 2 - at); // up to "$("
            text.Append(value < values.Count ? RuleText.Format(values[value], language) : variant.Text.Substring(start - 2, length + 3));
            at = start + length + 1; // past ")"
        }
        return text.Append(variant.Text, at, variant.Text.Length - at).ToString();
    }
}
