using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Translates Microsoft RulesEngine's expression words into C#, so files written for it load unchanged:
/// <c>AND</c>/<c>and</c> to <c>&amp;&amp;</c>, <c>OR</c>/<c>or</c> to <c>||</c>, <c>NOT</c>/<c>not</c> to <c>!</c>, a lone <c>=</c> to
/// <c>==</c>, <c>&lt;&gt;</c> to <c>!=</c>, <c>iif(c, a, b)</c> to <c>(c ? a : b)</c> (evaluated lazily, as RulesEngine does), and
/// <c>True</c>/<c>NULL</c> in any case to C#'s keywords. It works on C# tokens, so text inside string
/// literals is never touched, and it keeps a map from each translated character back to the original. C#'s
/// <c>is not</c> pattern keeps its meaning; the <c>and</c>/<c>or</c> pattern words cannot be used.
/// </summary>
public static class RulesEngineDialect
{
    /// <summary>The translated text and, for each of its characters (and its end), the offset in the original.</summary>
    public sealed record Translation(string Text, int[] OriginalOffsets)
    {
        /// <summary>The original offset of a translated offset.</summary>
        public int OriginalOffset(int translated) => OriginalOffsets[Math.Clamp(translated, 0, OriginalOffsets.Length - 1)];
    }

    /// <summary>Translates an expression.</summary>
    public static Translation Translate(string expression)
    {
        var tokens = SyntaxFactory.ParseTokens(expression).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        var replacements = new SortedDictionary<int, (int Length, string Text)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var word = token.IsKind(SyntaxKind.IdentifierToken) ? token.ValueText.ToLowerInvariant() : null;
            var previousIsDot = i > 0 && tokens[i - 1].IsKind(SyntaxKind.DotToken);
            switch (word)
            {
                case "and" when !previousIsDot:
                    replacements[token.SpanStart] = (token.Span.Length, "&&");
                    continue;
                case "or" when !previousIsDot:
                    replacements[token.SpanStart] = (token.Span.Length, "||");
                    continue;
                case "not" when !previousIsDot && !(i > 0 && tokens[i - 1].IsKind(SyntaxKind.IsKeyword)):
                    replacements[token.SpanStart] = (token.Span.Length, "!");
                    continue;
                case "true" or "false" or "null" when !previousIsDot:
                    replacements[token.SpanStart] = (token.Span.Length, word);
                    continue;
                case "iif" when !previousIsDot && i + 1 < tokens.Count && tokens[i + 1].IsKind(SyntaxKind.OpenParenToken):
                    TranslateIif(tokens, i, replacements);
                    continue;
            }
            if (token.IsKind(SyntaxKind.EqualsToken))
                replacements[token.SpanStart] = (1, "==");
            else if (token.IsKind(SyntaxKind.LessThanToken) && i + 1 < tokens.Count && tokens[i + 1].IsKind(SyntaxKind.GreaterThanToken) && tokens[i + 1].SpanStart == token.Span.End)
            {
                replacements[token.SpanStart] = (2, "!=");
                i++;
            }
        }
        return Apply(expression, replacements);
    }

    /// <summary><c>iif(c, a, b)</c> becomes <c>((c) ? (a) : (b))</c>; commas inside nested brackets are not its own.</summary>
    private static void TranslateIif(List<SyntaxToken> tokens, int at, SortedDictionary<int, (int Length, string Text)> replacements)
    {
        var open = tokens[at + 1];
        var depth = 0;
        var commas = new List<SyntaxToken>();
        for (var j = at + 1; j < tokens.Count; j++)
        {
            var t = tokens[j];
            if (t.IsKind(SyntaxKind.OpenParenToken) || t.IsKind(SyntaxKind.OpenBracketToken) || t.IsKind(SyntaxKind.OpenBraceToken))
                depth++;
            else if (t.IsKind(SyntaxKind.CloseParenToken) || t.IsKind(SyntaxKind.CloseBracketToken) || t.IsKind(SyntaxKind.CloseBraceToken))
            {
                depth--;
                if (depth == 0)
                {
                    if (commas.Count != 2)
                        return; // not iif's shape: leave it for the compiler to report
                    replacements[tokens[at].SpanStart] = (open.Span.End - tokens[at].SpanStart, "((");
                    replacements[commas[0].SpanStart] = (1, ") ? (");
                    replacements[commas[1].SpanStart] = (1, ") : (");
                    replacements[t.SpanStart] = (1, "))");
                    return;
                }
            }
            else if (t.IsKind(SyntaxKind.CommaToken) && depth == 1)
                commas.Add(t);
        }
    }

    private static Translation Apply(string expression, SortedDictionary<int, (int Length, string Text)> replacements)
    {
        var text = new StringBuilder(expression.Length + 8);
        var map = new List<int>(expression.Length + 8);
        var at = 0;
        foreach (var (start, (length, replacement)) in replacements)
        {
            for (; at < start; at++)
            {
                text.Append(expression[at]);
                map.Add(at);
            }
            foreach (var c in replacement)
            {
                text.Append(c);
                map.Add(start);
            }
            at = start + length;
        }
        for (; at < expression.Length; at++)
        {
            text.Append(expression[at]);
            map.Add(at);
        }
        map.Add(expression.Length);
        return new Translation(text.ToString(), [.. map]);
    }
}
