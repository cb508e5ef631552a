using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Json;
using RulesEngine.Models;

namespace PluginHost.Engine.Rules.Model;

/// <summary>One rule of a workflow: RulesEngine's <see cref="Rule"/> (<see cref="ToModel"/>), with where each of its values stands in the file.</summary>
public sealed record RuleDefinition
{
    /// <summary>RuleName.</summary>
    public required string Name { get; init; }

    /// <summary>Where the rule's object starts in the file.</summary>
    public required TextPosition Position { get; init; }

    /// <summary>Expression, for a leaf rule; null for a rule made of nested <see cref="Rules"/>.</summary>
    public JsonStringNode? Expression { get; init; }

    /// <summary>ErrorMessage, with <c>$(path)</c> placeholders.</summary>
    public JsonStringNode? ErrorMessage { get; init; }

    /// <summary>
    /// The ErrorMessage in other languages, by language code: Properties <c>ErrorMessage.sv</c>, <c>ErrorMessage.nb</c> ...
    /// (RulesEngine keeps Properties as they are, so a file stays RulesEngine's). A batch in a language without one shows
    /// ErrorMessage.
    /// </summary>
    public IReadOnlyDictionary<string, JsonStringNode> TranslatedMessages { get; init; } = new Dictionary<string, JsonStringNode>();

    /// <summary>Enabled (default true). A disabled rule is not compiled nor run.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Operator combining nested rules: And, AndAlso, Or, OrElse.</summary>
    public string? Operator { get; init; }

    /// <summary>Nested rules.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    /// <summary>LocalParams, each visible to the ones after it, to the expression and to the nested rules.</summary>
    public IReadOnlyList<ParamDefinition> LocalParams { get; init; } = [];

    /// <summary>SuccessEvent: reported when the rule passes.</summary>
    public string? SuccessEvent { get; init; }

    /// <summary>Properties as given.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>From Properties.Severity: Error (default) or Warning, which does not block posting.</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>Actions.OnSuccess: run when the rule passes.</summary>
    public ActionDefinition? OnSuccess { get; init; }

    /// <summary>Actions.OnFailure: run when the rule fails.</summary>
    public ActionDefinition? OnFailure { get; init; }

    /// <summary>The rule in RulesEngine's model, as RulesEngine would have read it from the same JSON.</summary>
    public Rule ToModel() => new()
    {
        RuleName = Name,
        Expression = Expression?.Value,
        ErrorMessage = ErrorMessage?.Value,
        Enabled = Enabled,
        Operator = Operator,
        Rules = Rules.Count == 0 ? null : Rules.Select(r => r.ToModel()).ToList(),
        LocalParams = LocalParams.Count == 0 ? null : LocalParams.Select(p => p.Model).ToList(),
        SuccessEvent = SuccessEvent,
        Properties = Properties.ToDictionary(p => p.Key, p => (object)p.Value),
        Actions = OnSuccess is null && OnFailure is null ? null : new RuleActions { OnSuccess = OnSuccess?.ToModel(), OnFailure = OnFailure?.ToModel() },
    };
}
