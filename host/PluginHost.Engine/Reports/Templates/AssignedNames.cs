using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// The names the templates of a set give values themselves (<c>x = ...</c>, <c>capture x</c>, <c>func f</c>, a loop's
/// variable): read anywhere, since a partial reads what the template that includes it assigned. Their shapes are not
/// known, so what is read from them is not checked.
/// </summary>
internal sealed class AssignedNames : ScriptVisitor
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The names assigned in any template of the set.</summary>
    public static IReadOnlySet<string> Of(TemplateSet set)
    {
        var collector = new AssignedNames();
        foreach (var template in set.Reports.Values.Concat(set.Partials.Values))
            collector.Visit(template.Template.Page);
        return collector._names;
    }

    public override void Visit(ScriptAssignExpression node)
    {
        Add(node.Target);
        base.Visit(node);
    }

    public override void Visit(ScriptCaptureStatement node)
    {
        Add(node.Target);
        base.Visit(node);
    }

    public override void Visit(ScriptFunction node)
    {
        Add(node.NameOrDoToken as ScriptExpression);
        foreach (var parameter in node.Parameters ?? [])
            Add(parameter.Name);
        base.Visit(node);
    }

    public override void Visit(ScriptForStatement node)
    {
        Add(node.Variable);
        base.Visit(node);
    }

    private void Add(ScriptExpression? target)
    {
        if (target is ScriptVariable variable)
            _names.Add(variable.Name);
    }
}
