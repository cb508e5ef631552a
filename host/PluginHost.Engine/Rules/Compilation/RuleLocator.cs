using Microsoft.CodeAnalysis;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>Turns positions in generated code into problems at the line and column of the rule file.</summary>
internal sealed class RuleLocator(RuleFile file, WorkflowDefinition workflow, WorkflowSource source)
{
    /// <summary>A compiler diagnostic as a problem in the rule file.</summary>
    public Problem Problem(Diagnostic diagnostic) => Problem(diagnostic, "");

    /// <summary>A compiler diagnostic as a problem in the rule file, with a hint after its message.</summary>
    public Problem Problem(Diagnostic diagnostic, string hint)
    {
        var offset = diagnostic.Location.SourceSpan.Start;
        var segment = source.Segments.FirstOrDefault(s => s.Contains(offset));
        // The compiler's advice about usings and references means nothing to someone editing a rule file.
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .Replace(" (are you missing a using directive or an assembly reference?)", "", StringComparison.Ordinal);
        if (segment is null)
            return Problems.Problem.Error("RULE020", $"{message} (in code generated for workflow '{workflow.Name}')", new SourceLocation { File = file.Path, Workflow = workflow.Name });
        if (diagnostic.Id is "CS0029" or "CS0266" && segment.Kind == SegmentKind.RuleExpression && diagnostic.Location.SourceSpan.Length >= segment.Length)
            message = $"the expression must be true or false, but it is {message.Split('\'').ElementAtOrDefault(1) ?? "not a boolean"}";
        return Problem("RULE020", $"{Describe(segment)}: {message}{hint} [{diagnostic.Id}]", segment, offset);
    }

    /// <summary>A problem at an offset of a segment.</summary>
    public Problem Problem(string code, string message, SourceSegment segment, int offset)
    {
        var position = segment.PositionOf(offset);
        return Problems.Problem.Error(code, message, new SourceLocation { File = file.Path, Workflow = workflow.Name, Rule = segment.Owner, Line = position.Line, Position = position.Column });
    }

    /// <summary>What a segment is, for messages: "rule 'X'", "parameter 'Y'" ...</summary>
    public string Describe(SourceSegment segment) => segment.Kind switch
    {
        SegmentKind.RuleExpression => $"rule '{segment.Owner}'",
        SegmentKind.Parameter => $"parameter '{segment.Owner}'",
        SegmentKind.Action => $"OutputExpression of rule '{segment.Owner}'",
        _ => $"ErrorMessage of rule '{segment.Owner}'",
    };
}
