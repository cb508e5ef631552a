namespace PluginHost.Contracts.Plugins;

/// <summary>A named input of a plugin's rules, as RulesEngine's <c>RuleParameter</c>.</summary>
/// <param name="Name">The name rule expressions use, e.g. <c>line</c> or <c>applied</c>.</param>
/// <param name="Type">The type the host compiles the expressions against.</param>
/// <param name="Description">What the input holds, for consultants (shown by <c>pluginhost plugins --json</c>).</param>
public sealed record RuleInput(string Name, Type Type, string Description);
