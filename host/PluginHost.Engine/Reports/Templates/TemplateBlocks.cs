using System.Text.RegularExpressions;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// The blocks a template opens (<c>if</c>, <c>for</c> ...) and closes (<c>end</c>), found in its text. Scriban's parser
/// reports a block left open where the template ends; the consultant needs the place where it was opened, and for an
/// <c>end</c> too many, the place of that <c>end</c>.
/// </summary>
internal static partial class TemplateBlocks
{
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "if", "for", "while", "case", "capture", "func", "with", "tablerow", "wrap" };

    /// <summary>The first <c>end</c> that closes nothing, and the blocks still open at the end of the text (innermost first).</summary>
    public static (Statement? StrayEnd, IReadOnlyList<Statement> Open) Scan(string text)
    {
        var open = new Stack<Statement>();
        Statement? stray = null;
        foreach (Match code in Code().Matches(text))
        {
            foreach (Match word in FirstWord().Matches(code.Groups[1].Value))
            {
                var keyword = word.Groups[1].Value;
                var index = code.Groups[1].Index + word.Groups[1].Index;
                if (Openers.Contains(keyword) && !(keyword == "func" && IsExpressionFunction(code.Groups[1].Value, word)))
                    open.Push(new Statement(keyword, Line(text, index), Column(text, index)));
                else if (keyword == "end" && !open.TryPop(out _))
                    stray ??= new Statement(keyword, Line(text, index), Column(text, index));
            }
        }
        return (stray, [.. open]);
    }

    /// <summary>
    /// Habits of other template languages, said in Scriban's terms where they are written: Handlebars' block tags
    /// (Scriban reads <c>{{#each}}</c> as a comment and writes the block's content once), and a picture by address in
    /// an HTML report (the report is one file, so the picture would be missing where it is opened).
    /// </summary>
    public static IEnumerable<PluginHost.Engine.Problems.Problem> Habits(string file, string text, bool html)
    {
        foreach (Match tag in Handlebars().Matches(text))
        {
            var word = tag.Groups[2].Value;
            var advice = tag.Groups[1].Value switch
            {
                ">" => $"a partial is included with {{{{ include \"{word}\" }}}}",
                "/" => "a block ends with {{ end }}",
                _ when word == "each" => "a list is written with {{ for row in List }} ... {{ end }}",
                _ when word == "unless" => "write {{ if !condition }} ... {{ end }}",
                _ => $"write {{{{ {word} ... }}}} ... {{{{ end }}}}",
            };
            yield return PluginHost.Engine.Problems.Problem.Error("TEMPLATE001", $"'{{{{{tag.Groups[1].Value}{word}' is Handlebars, not Scriban: {advice}", PluginHost.Engine.Problems.SourceLocation.InText(file, Line(text, tag.Index), Column(text, tag.Index)));
        }
        if (!html)
            yield break;
        foreach (Match picture in PictureByAddress().Matches(text))
            yield return PluginHost.Engine.Problems.Problem.Warning("TEMPLATE007", "a picture by its address is missing wherever the report is opened or mailed; put the picture in the templates folder and write {{ image \"logo.png\" \"text\" }}",
                PluginHost.Engine.Problems.SourceLocation.InText(file, Line(text, picture.Index), Column(text, picture.Index)));
    }

    [GeneratedRegex(@"\{\{~?\s*(#|/|>)\s*(each|if|unless|with|(?<=>\s*)[\w-]+)\b")]
    private static partial Regex Handlebars();

    [GeneratedRegex(@"<img\s[^>]*src\s*=\s*[""']?(?!data:|\{\{)", RegexOptions.IgnoreCase)]
    private static partial Regex PictureByAddress();

    private static bool IsExpressionFunction(string code, Match word) => code.AsSpan(word.Index).IndexOf('=') is var eq and >= 0 && code.AsSpan(word.Index, eq).IndexOfAny('\n', ';') < 0;

    private static int Line(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static int Column(string text, int index) => index - (index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1) + 1;

    /// <summary>A block keyword at its line and column (1-based).</summary>
    public sealed record Statement(string Keyword, int Line, int Column);

    [GeneratedRegex(@"\{\{[~-]?(.*?)[~-]?\}\}", RegexOptions.Singleline)]
    private static partial Regex Code();

    /// <summary>The first word of each statement of a code block: at its start, or after a ; or a line break.</summary>
    [GeneratedRegex(@"(?:^|[;\n])\s*([a-z]+)\b(?!\.)")]
    private static partial Regex FirstWord();
}
