namespace PluginHost.Engine.Posting;

/// <summary>What a rule reported on a line besides pass or fail: its SuccessEvent, or the value of its OutputExpression.</summary>
/// <param name="Row">The worksheet row.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Kind">event or output.</param>
/// <param name="Text">The event name or the formatted value.</param>
public sealed record RuleNote(int Row, string Rule, string Kind, string Text);
