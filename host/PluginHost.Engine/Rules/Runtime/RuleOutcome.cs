using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules.Runtime;

/// <summary>What one rule said about one line.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Passed">True when the expression was true.</param>
/// <param name="Message">For a failure, the ErrorMessage with its placeholders filled in.</param>
/// <param name="Exception">When the rule threw (null, division by zero...): the failure's cause.</param>
public sealed record RuleOutcome(RuleDefinition Rule, bool Passed, string? Message, Exception? Exception)
{
    /// <summary>True when an OutputExpression action ran; its value is <see cref="Output"/>.</summary>
    public bool HasOutput { get; init; }

    /// <summary>The value of the OnSuccess or OnFailure OutputExpression (an exception if it threw).</summary>
    public object? Output { get; init; }

    /// <summary>The GlobalParam whose exception failed the rule on this line, if that was the cause.</summary>
    public string? GlobalParam { get; init; }

    /// <summary>The outcomes of the rule's enabled nested rules, in order (empty for a rule with none).</summary>
    public IReadOnlyList<RuleOutcome> Children { get; init; } = [];

    /// <summary>The rule's SuccessEvent, when it passed and has one.</summary>
    public string? Event => Passed ? Rule.SuccessEvent : null;
}
