using PluginHost.Engine.Rules.Json;
using RulesEngine.Models;

namespace PluginHost.Engine.Rules.Model;

/// <summary>
/// An action of a rule (RulesEngine's <c>Actions.OnSuccess</c> / <c>OnFailure</c>), with where it stands in the file:
/// <c>OutputExpression</c> (Context.Expression, whose value the report shows) or <c>EvaluateRule</c> (Context.workflowName
/// and ruleName, optional inputFilter and additionalInputs: the other rule runs, and its own action's value is this one's).
/// </summary>
public sealed record ActionDefinition
{
    /// <summary>The action's name as RulesEngine spells it: OutputExpression or EvaluateRule.</summary>
    public required string Name { get; init; }

    /// <summary>Where the action's object starts.</summary>
    public required TextPosition Position { get; init; }

    /// <summary>OutputExpression: Context.Expression.</summary>
    public JsonStringNode? Expression { get; init; }

    /// <summary>EvaluateRule: Context.workflowName.</summary>
    public JsonStringNode? WorkflowName { get; init; }

    /// <summary>EvaluateRule: Context.ruleName.</summary>
    public JsonStringNode? RuleName { get; init; }

    /// <summary>EvaluateRule: Context.inputFilter, the names passed on (all when null).</summary>
    public IReadOnlyList<string>? InputFilter { get; init; }

    /// <summary>EvaluateRule: Context.additionalInputs, more named values for the other rule.</summary>
    public IReadOnlyList<ParamDefinition> AdditionalInputs { get; init; } = [];

    /// <summary>True for OutputExpression.</summary>
    public bool IsOutputExpression => string.Equals(Name, "OutputExpression", StringComparison.Ordinal);

    /// <summary>The action in RulesEngine's model.</summary>
    public ActionInfo ToModel()
    {
        var context = new Dictionary<string, object>();
        if (IsOutputExpression)
            context["Expression"] = Expression?.Value ?? "";
        else
        {
            context["workflowName"] = WorkflowName?.Value ?? "";
            context["ruleName"] = RuleName?.Value ?? "";
            if (InputFilter is not null)
                context["inputFilter"] = InputFilter.ToList();
            if (AdditionalInputs.Count > 0)
                context["additionalInputs"] = AdditionalInputs.Select(p => p.Model).ToList();
        }
        return new ActionInfo { Name = Name, Context = context };
    }
}
