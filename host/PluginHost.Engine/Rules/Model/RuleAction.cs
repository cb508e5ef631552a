using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Model;

/// <summary>An action of a rule (RulesEngine's <c>Actions.OnSuccess</c> / <c>OnFailure</c>); only OutputExpression is supported.</summary>
/// <param name="Name">The action's name: OutputExpression.</param>
/// <param name="Expression">Context.Expression: its value is shown in the report.</param>
public sealed record RuleAction(string Name, JsonStringNode Expression);
