using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Model;

/// <summary>One rule of a workflow, in Microsoft RulesEngine's format.</summary>
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

    /// <summary>LocalParams, each visible to the ones after it and to the expression.</summary>
    public IReadOnlyList<ScopedParam> LocalParams { get; init; } = [];

    /// <summary>SuccessEvent: reported when the rule passes.</summary>
    public string? SuccessEvent { get; init; }

    /// <summary>Properties as given.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>From Properties.Severity: Error (default) or Warning, which does not block posting.</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>Actions.OnSuccess: evaluated when the rule passes.</summary>
    public RuleAction? OnSuccess { get; init; }

    /// <summary>Actions.OnFailure: evaluated when the rule fails.</summary>
    public RuleAction? OnFailure { get; init; }
}
