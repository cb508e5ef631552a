using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Model;
using Scriban.Parsing;
using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// Scriban's errors as the consultant's problems: at the template's file, line and column (from Scriban's own spans,
/// which count from 0), with a code per kind and words about the report, not the engine.
/// </summary>
internal static class TemplateErrors
{
    /// <summary>How the render context says the memory budget was spent.</summary>
    public const string MemoryLimit = "The render allocated more than its memory budget of";

    /// <summary>How the render context says a whole row, list or the model was written.</summary>
    public const string WholeRow = "a whole row or list of the report model cannot be written";

    /// <summary>The place of a span in its template.</summary>
    public static SourceLocation At(string file, SourceSpan span) =>
        SourceLocation.InText(string.IsNullOrEmpty(span.FileName) ? file : span.FileName, span.Start.Line + 1, span.Start.Column + 1);

    /// <summary>A parser message in plain quotes, without the parser's own names (ScriptPage) and grammar.</summary>
    public static string Consultant(string message)
    {
        var text = message.Replace('`', '\'');
        if (text.StartsWith("Error while parsing ", StringComparison.Ordinal) && text.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0)
            text = text[(colon + 2)..];
        if (text.IndexOf(" in: ", StringComparison.Ordinal) is var grammar and > 0)
            text = text[..grammar];
        return text.TrimEnd('.', ' ');
    }

    /// <summary>
    /// The parser's messages as problems, all of them. A block left open is placed where it was opened, and an 'end'
    /// too many where it is, as the parser places both at the end of the text or of the token.
    /// </summary>
    public static IEnumerable<Problem> FromParser(string file, string text, IEnumerable<LogMessage> messages)
    {
        var blocks = new Lazy<(TemplateBlocks.Statement? StrayEnd, IReadOnlyList<TemplateBlocks.Statement> Open)>(() => TemplateBlocks.Scan(text));
        var opened = 0;
        foreach (var message in messages)
        {
            var at = At(file, message.Span);
            var says = Consultant(message.Message);
            if (message.Message.Contains("statement was not found", StringComparison.Ordinal) && blocks.Value.Open.Count > opened)
            {
                var block = blocks.Value.Open[opened++];
                (at, says) = (SourceLocation.InText(file, block.Line, block.Column), $"the '{block.Keyword}' opened here has no 'end' (or a block inside it lacks its own)");
            }
            else if (message.Message.Contains("without a corresponding beginning", StringComparison.Ordinal) && blocks.Value.StrayEnd is { } stray)
                (at, says) = (SourceLocation.InText(file, stray.Line, stray.Column), "this 'end' closes no block (if, for, while, case, capture, func)");
            yield return message.Type == ParserMessageType.Error ? Problem.Error("TEMPLATE001", says, at) : Problem.Warning("TEMPLATE001", says, at);
        }
    }

    /// <summary>The message of an include that names no partial of the folder.</summary>
    public static string UnknownPartial(string name, IEnumerable<string> partials)
    {
        var known = partials.Order(StringComparer.Ordinal).ToList();
        var hint = EditDistance.Nearest(name, known) is { } near ? $"; did you mean '{near}'?" : "";
        return $"there is no partial '{name}' in {TemplateNames.PartialsFolder}/{hint} (partials: {(known.Count == 0 ? "none" : string.Join(", ", known))})";
    }

    /// <summary>A render that failed, as the problem of its template at the place it failed.</summary>
    public static Problem FromRender(ScriptRuntimeException ex, string file, TemplateLimits limits, ReportModel model)
    {
        var at = At(file, ex.Span);
        var message = ex.OriginalMessage;
        if (ex is ScriptAbortException)
            return Problem.Error("TEMPLATE034", $"the report took longer than {limits.Time.TotalSeconds:0.###} s to render and was stopped; a loop that does too much?", at);
        if (message.StartsWith("Exceeding number of iteration limit", StringComparison.Ordinal) || message.StartsWith("Range expression exceeds LoopLimit", StringComparison.Ordinal))
            return Problem.Error("TEMPLATE031", $"the loops of this report went past {limits.StepsFor(model):N0} steps, {limits.StepsPerRow} for each of its {TemplateLimits.Rows(model):N0} rows and {limits.FixedSteps:N0} more; a loop inside a loop over the same rows, or a loop that never ends?", at);
        if (message.Contains("recursive depth limit", StringComparison.Ordinal))
            return Problem.Error("TEMPLATE032", $"partials or functions call each other more than {limits.Recursion} deep; one includes itself?", at);
        if (message.StartsWith(MemoryLimit, StringComparison.Ordinal))
            return Problem.Error("TEMPLATE035", $"the template kept more than {limits.BytesFor(model) / (1024 * 1024):N0} MiB of values while rendering and was stopped; a loop that builds large texts or lists?", at);
        if (message.Contains("LimitToString", StringComparison.Ordinal) && !message.Contains("OutputLimit", StringComparison.Ordinal))
            return Problem.Error("TEMPLATE033", $"a value of the template would be longer than {limits.Characters:N0} characters and was stopped", at);
        if (message.Contains("OutputLimit", StringComparison.Ordinal))
            return Problem.Error("TEMPLATE033", $"the report would be longer than {limits.CharactersFor(model):N0} characters ({limits.CharactersPerRow:N0} for each of its {TemplateLimits.Rows(model):N0} rows and {limits.FixedCharacters:N0} more) and was stopped", at);
        if (Between(message, "The variable or function `", "` was not found") is { } local && local.StartsWith('$'))
            return Problem.Error("TEMPLATE005", $"'{local}' was not given to this partial; include it with {local.TrimStart('$')}: ...", at);
        if (Between(message, "The variable or function `", "` was not found") is { } name)
            return Problem.Error("TEMPLATE004", $"'{name}' is not in the report model", at);
        if (Between(message, "Cannot get member with name ", ".") is { } member)
            return Problem.Error("TEMPLATE004", $"'{member}' is not a field of what is before it", at);
        if (message.StartsWith(WholeRow, StringComparison.Ordinal))
            return Problem.Error("TEMPLATE004", message, at);
        if (message.StartsWith("Cannot set", StringComparison.Ordinal) || message.StartsWith("Cannot add", StringComparison.Ordinal)
            || (message.StartsWith("Unexpected exception while accessing target expression", StringComparison.Ordinal) && message.Contains("readonly", StringComparison.OrdinalIgnoreCase)))
            return Problem.Error("TEMPLATE006", "a template cannot change the report model or its functions; assign to a name of its own instead (x = ...)", at);
        return Problem.Error("TEMPLATE003", Consultant(message), at);
    }

    private static string? Between(string text, string before, string after)
    {
        if (!text.StartsWith(before, StringComparison.Ordinal))
            return null;
        var end = text.IndexOf(after, before.Length, StringComparison.Ordinal);
        return end < 0 ? null : text[before.Length..end];
    }
}
