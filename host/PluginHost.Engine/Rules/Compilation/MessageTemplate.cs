using System.Text;
using PluginHost.Engine.Rules.Json;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// An ErrorMessage with RulesEngine's <c>$(path)</c> placeholders. Each path is compiled with the rules, so a
/// misspelt path is found at load, not shown to a user as a blank.
/// </summary>
public sealed class MessageTemplate
{
    private readonly string _text;

    private MessageTemplate(string text, IReadOnlyList<Placeholder> placeholders)
    {
        _text = text;
        Placeholders = placeholders;
    }

    /// <summary>A placeholder: the path's text and where it starts in the message.</summary>
    public sealed record Placeholder(string Path, int Start, int Length);

    /// <summary>The placeholders in order.</summary>
    public IReadOnlyList<Placeholder> Placeholders { get; }

    /// <summary>The message node it was read from, for positions.</summary>
    public JsonStringNode? Source { get; private init; }

    /// <summary>Parses a message; a rule without one gets "Rule NAME failed".</summary>
    public static MessageTemplate Parse(JsonStringNode? message, string ruleName)
    {
        if (message is null || string.IsNullOrWhiteSpace(message.Value))
            return new MessageTemplate($"Rule {ruleName} failed.", []);
        return new MessageTemplate(message.Value, Scan(message.Value)) { Source = message };
    }

    /// <summary>Finds <c>$(path)</c> placeholders as RulesEngine does (up to the first closing parenthesis).</summary>
    private static List<Placeholder> Scan(string text)
    {
        var placeholders = new List<Placeholder>();
        for (var at = text.IndexOf("$(", StringComparison.Ordinal); at >= 0; at = text.IndexOf("$(", at, StringComparison.Ordinal))
        {
            var close = text.IndexOf(')', at + 2);
            if (close < 0)
                break;
            placeholders.Add(new Placeholder(text[(at + 2)..close], at + 2, close - at - 2));
            at = close + 1;
        }
        return placeholders;
    }

    /// <summary>The message with the placeholders' values; missing values leave the placeholder as written.</summary>
    public string Fill(IReadOnlyList<object?> values)
    {
        if (Placeholders.Count == 0)
            return _text;
        var text = new StringBuilder();
        var at = 0;
        for (var i = 0; i < Placeholders.Count; i++)
        {
            var p = Placeholders[i];
            var start = p.Start - 2; // "$("
            text.Append(_text, at, start - at);
            text.Append(i < values.Count ? RuleText.Format(values[i]) : $"$({p.Path})");
            at = p.Start + p.Length + 1; // ")"
        }
        return text.Append(_text, at, _text.Length - at).ToString();
    }
}
