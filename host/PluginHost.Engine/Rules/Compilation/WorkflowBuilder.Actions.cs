using System.Linq.Expressions;
using PluginHost.Engine.Rules.Model;

using static PluginHost.Engine.Rules.Compilation.ExpressionParts;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>The actions of a rule: OutputExpression's value, and EvaluateRule's run of another rule.</summary>
internal sealed partial class WorkflowBuilder
{
    /// <summary>
    /// Hands an action's value to the run; when the value reads one of <paramref name="unsure"/>, it is taken only if
    /// <paramref name="instead"/> is null at run time, else <paramref name="instead"/> is the value.
    /// </summary>
    private Expression ActionCall(int number, Expression value, IReadOnlyList<ParameterExpression> unsure, Expression instead)
    {
        var guarded = value.Type == typeof(object) && value is TryExpression ? value : Guarded(value);
        if (unsure.Count > 0 && ReadsAny(value, unsure))
        {
            var pending = Expression.Variable(typeof(object), "instead");
            guarded = Expression.Block(typeof(object), [pending],
                Expression.Assign(pending, instead),
                Expression.Condition(Expression.Equal(pending, Expression.Constant(null)), guarded, pending));
        }
        return Expression.Call(_run, Output, Expression.Constant(number), guarded);
    }

    /// <summary>An action's value (an exception it throws being its value), or null when there is no action or it did not parse.</summary>
    private Expression? ActionValue(ActionDefinition? action, RuleDefinition rule, int number, ExpressionScope scope)
    {
        if (action is null)
            return null;
        if (action.IsOutputExpression)
            return Read(action.Expression!, 0, action.Expression!.Value.Length, scope, null, rule.Name, "OutputExpression") is { } value ? Guarded(value) : null;
        return EvaluateRule(action, rule, number, scope);
    }

    /// <summary>
    /// EvaluateRule, as RulesEngine runs it: the named rule of the named workflow of this file, over this rule's inputs,
    /// GlobalParams and LocalParams (those named in inputFilter, if it is given) and the additionalInputs, with that
    /// workflow's own GlobalParams; this action's value is the value of that rule's own action (null if it has none).
    /// </summary>
    private Expression? EvaluateRule(ActionDefinition action, RuleDefinition rule, int number, ExpressionScope scope)
    {
        var workflowName = action.WorkflowName!.Value;
        var ruleName = action.RuleName!.Value;
        // RulesEngine looks both names up exactly as written.
        var workflow = _file.Workflows.FirstOrDefault(w => w.Name == workflowName);
        if (workflow is null)
        {
            ProblemAt("RULE016", $"rule '{rule.Name}': EvaluateRule names workflow '{workflowName}', which is not in this file ({string.Join(", ", _file.Workflows.Select(w => w.Name))})", action.WorkflowName.Position, rule.Name);
            return null;
        }
        var (targetGlobals, targetRules) = RuleCompiler.WithInjected(_file, workflow, null);
        var target = targetRules.FirstOrDefault(r => r.Name == ruleName && r.Enabled);
        if (target is null)
        {
            ProblemAt("RULE016", $"rule '{rule.Name}': EvaluateRule names rule '{ruleName}', which is not an enabled rule of workflow '{workflowName}' ({string.Join(", ", targetRules.Where(r => r.Enabled).Select(r => r.Name))})", action.RuleName.Position, rule.Name);
            return null;
        }
        if (_evaluating.Contains(target) || target == rule)
        {
            ProblemAt("RULE016", $"rule '{rule.Name}': EvaluateRule leads back to rule '{ruleName}', which would run for ever", action.Position, rule.Name);
            return null;
        }

        var passed = scope.Names.Where(n => action.InputFilter is null || action.InputFilter.Contains(n)).ToList();
        var targetScope = ExpressionScope.Empty;
        foreach (var name in passed)
            targetScope = targetScope.With(scope.Find(name)!, scope.KindOf(name)!);
        var steps = new List<Expression>();
        foreach (var additional in action.AdditionalInputs)
        {
            var (parameter, value) = Declare(additional, scope, "additional input", rule.Name);
            if (parameter is null)
                return null;
            targetScope = targetScope.With(parameter, "additional input");
            steps.Add(Expression.Assign(parameter, value!));
        }
        foreach (var global in targetGlobals)
        {
            if (targetScope.KindOf(global.Name) is { } clash)
            {
                ProblemAt("RULE016", $"rule '{rule.Name}': EvaluateRule passes '{global.Name}' ({clash}), which is also a GlobalParam of workflow '{workflowName}'; RulesEngine refuses such a clash: leave it out with inputFilter", action.Position, rule.Name);
                return null;
            }
            var (parameter, value) = Declare(global, targetScope, "GlobalParam", global.Name);
            if (parameter is null)
                return null;
            targetScope = targetScope.With(parameter, "GlobalParam");
            steps.Add(Expression.Assign(parameter, value!));
        }
        _evaluating.Push(rule);
        var targetNumber = BuildRule(target, targetScope, steps);
        _evaluating.Pop();
        // RulesEngine hands back the other rule's action's output, and drops its exception: null then.
        var output = Expression.Variable(typeof(object), "output");
        steps.Add(Expression.Block(typeof(object), [output],
            Expression.Assign(output, Expression.Call(_run, OutputOf, Expression.Constant(targetNumber))),
            Expression.Condition(Expression.TypeIs(output, typeof(Exception)), Expression.Constant(null), output)));
        var caught = Expression.Parameter(typeof(Exception), "caught");
        return Expression.TryCatch(Expression.Block(typeof(object), steps), Expression.Catch(caught, Expression.Convert(caught, typeof(object))));
    }
}
