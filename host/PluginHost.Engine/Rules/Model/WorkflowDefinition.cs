using PluginHost.Engine.Rules.Json;
using RulesEngine.Models;

namespace PluginHost.Engine.Rules.Model;

/// <summary>A workflow of a rule file: RulesEngine's <see cref="Workflow"/> (<see cref="ToModel"/>), with where each of its values stands in the file.</summary>
public sealed record WorkflowDefinition
{
    /// <summary>WorkflowName.</summary>
    public required string Name { get; init; }

    /// <summary>Where the workflow's object starts.</summary>
    public required TextPosition Position { get; init; }

    /// <summary>WorkflowsToInject: workflows of the same file whose rules run as part of this one.</summary>
    public IReadOnlyList<string> WorkflowsToInject { get; init; } = [];

    /// <summary>Where each name of <see cref="WorkflowsToInject"/> stands in the file.</summary>
    public IReadOnlyList<TextPosition> WorkflowsToInjectPositions { get; init; } = [];

    /// <summary>GlobalParams, visible to every rule and message.</summary>
    public IReadOnlyList<ParamDefinition> GlobalParams { get; init; } = [];

    /// <summary>Rules.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    /// <summary>The workflow in RulesEngine's model, as RulesEngine would have read it from the same JSON.</summary>
    public Workflow ToModel() => new()
    {
        WorkflowName = Name,
        WorkflowsToInject = WorkflowsToInject.Count == 0 ? null : WorkflowsToInject.ToList(),
        GlobalParams = GlobalParams.Count == 0 ? null : GlobalParams.Select(p => p.Model).ToList(),
        Rules = Rules.Select(r => r.ToModel()).ToList(),
    };
}
