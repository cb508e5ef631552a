using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Model;

/// <summary>A workflow of a rule file, in Microsoft RulesEngine's format.</summary>
public sealed record WorkflowDefinition
{
    /// <summary>WorkflowName.</summary>
    public required string Name { get; init; }

    /// <summary>Where the workflow's object starts.</summary>
    public required TextPosition Position { get; init; }

    /// <summary>WorkflowsToInject: workflows of the same file whose rules run as part of this one.</summary>
    public IReadOnlyList<string> WorkflowsToInject { get; init; } = [];

    /// <summary>GlobalParams, visible to every rule and message.</summary>
    public IReadOnlyList<ScopedParam> GlobalParams { get; init; } = [];

    /// <summary>Rules.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];
}
