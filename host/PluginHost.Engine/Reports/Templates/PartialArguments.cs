using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// The named arguments a partial reads (<c>$title</c>), so an <c>include</c> that leaves one out is an error where it
/// is written, not a failed render. Its own locals (assigned in it) and Scriban's <c>$0</c>, <c>$1</c> ... are not arguments.
/// </summary>
internal sealed class PartialArguments : ScriptVisitor
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assigned = new(StringComparer.Ordinal);

    /// <summary>The names (without $) a partial reads and does not assign.</summary>
    public static IReadOnlyList<string> Of(ParsedTemplate partial)
    {
        var visitor = new PartialArguments();
        visitor.Visit(partial.Template.Page);
        return [.. visitor._read.Except(visitor._assigned).Order(StringComparer.Ordinal)];
    }

    public override void Visit(ScriptVariableLocal node)
    {
        var name = node.Name.TrimStart('$');
        if (name.Length > 0 && !char.IsDigit(name[0]))
            _read.Add(name);
    }

    public override void Visit(ScriptAssignExpression node)
    {
        if (node.Target is ScriptVariableLocal local)
            _assigned.Add(local.Name.TrimStart('$'));
        Visit(node.Value);
    }

    public override void Visit(ScriptForStatement node)
    {
        if (node.Variable is ScriptVariableLocal local)
            _assigned.Add(local.Name.TrimStart('$'));
        base.Visit(node);
    }
}
