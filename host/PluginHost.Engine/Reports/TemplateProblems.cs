using System.Text.RegularExpressions;
using HandlebarsDotNet;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Reports;

/// <summary>
/// A template that does not compile, as a problem at its file, line and column. Handlebars.Net appends
/// "Occured at: LINE:COLUMN" when it knows the place; for a block left open it does not, so the opening of the
/// last unclosed block of that name is found in the text.
/// </summary>
public static partial class TemplateProblems
{
    /// <summary>The problem of a template file that failed to compile.</summary>
    public static Problem From(string file, string text, HandlebarsException ex)
    {
        var message = ex.Message;
        if (OccurredAt().Match(message) is { Success: true } at)
            return Problem.Error("TEMPLATE001", message[..at.Index].TrimEnd(), SourceLocation.InText(file, int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)); // its column counts from 0
        var (unmatchedClose, lastUnclosed) = ScanBlocks(text);
        if (UnclosedBlock().Match(message) is { Success: true } unclosed && lastUnclosed.FirstOrDefault(o => o.Name == unclosed.Groups[1].Value) is { Name: not null } opening)
            return Problem.Error("TEMPLATE001", $"{message}: the {{{{#{opening.Name}}}}} opened here has no {{{{/{opening.Name}}}}}", At(file, text, opening.Index));
        if (StrayClose().IsMatch(message) && unmatchedClose is { } close)
            return Problem.Error("TEMPLATE001", message, At(file, text, close));
        return Problem.Error("TEMPLATE001", message, new SourceLocation { File = file });
    }

    /// <summary>The first closing tag that closes nothing open, and the blocks left open at the end (innermost first).</summary>
    private static (int? UnmatchedClose, IReadOnlyList<(string Name, int Index)> Unclosed) ScanBlocks(string text)
    {
        var open = new Stack<(string Name, int Index)>();
        int? unmatched = null;
        foreach (Match tag in BlockTag().Matches(text))
        {
            if (tag.Groups[1].Value is "#" or "^")
                open.Push((tag.Groups[2].Value, tag.Index));
            else if (open.Count > 0 && open.Peek().Name == tag.Groups[2].Value)
                open.Pop();
            else
                unmatched ??= tag.Index;
        }
        return (unmatched, [.. open]);
    }

    private static SourceLocation At(string file, string text, int index)
    {
        var line = text.AsSpan(0, index).Count('\n') + 1;
        var column = index - (index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1) + 1;
        return SourceLocation.InText(file, line, column);
    }

    [GeneratedRegex(@"\s*Occured at: (\d+):(\d+)\s*$")]
    private static partial Regex OccurredAt();

    [GeneratedRegex(@"block expression '([^']+)' was closed")]
    private static partial Regex UnclosedBlock();

    [GeneratedRegex("closing element '[^']+' was found without a matching open element")]
    private static partial Regex StrayClose();

    [GeneratedRegex(@"\{\{~?\s*([#^/])>?\s*([\w.-]+)")]
    private static partial Regex BlockTag();
}
