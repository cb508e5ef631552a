using System.Linq.Expressions;
using System.Reflection;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Json;
using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Builds one expression tree that evaluates a whole workflow on one line, from the trees RulesEngine's parser makes of
/// each expression, with RulesEngine 6.0.1's semantics (its <c>ExecuteAllRulesAsync</c>): GlobalParams once per line, a
/// throwing GlobalParam failing every rule; LocalParams in order, seen by the rule, its nested rules and its messages; every
/// enabled nested rule evaluated, combined by And/AndAlso (all pass) or Or/OrElse (any passes); a rule that throws fails
/// with its exception; OnSuccess or OnFailure run after the rule. Outcomes go to a <see cref="RuleRun"/>; rules are
/// numbered in the order they are built. Every problem found on the way is collected with its position.
/// </summary>
internal sealed class WorkflowBuilder
{
    private static readonly MethodInfo Pass = typeof(RuleRun).GetMethod(nameof(RuleRun.Pass))!;
    private static readonly MethodInfo Fail = typeof(RuleRun).GetMethod(nameof(RuleRun.Fail))!;
    private static readonly MethodInfo Output = typeof(RuleRun).GetMethod(nameof(RuleRun.Output))!;
    private static readonly MethodInfo OutputOf = typeof(RuleRun).GetMethod(nameof(RuleRun.OutputOf))!;
    private static readonly MethodInfo FailByGlobal = typeof(RuleRun).GetMethod(nameof(RuleRun.FailByGlobal))!;

    private readonly RuleFile _file;
    private readonly WorkflowDefinition _workflow;
    private readonly ExpressionReader _reader;
    private readonly ParameterExpression _args = Expression.Parameter(typeof(object[]), "args");
    private readonly ParameterExpression _run = Expression.Parameter(typeof(RuleRun), "run");
    private readonly List<ParameterExpression> _variables = [];
    private readonly Stack<RuleDefinition> _evaluating = new();

    public WorkflowBuilder(RuleFile file, WorkflowDefinition workflow, IReadOnlyList<RuleInput> inputs)
    {
        _file = file;
        _workflow = workflow;
        Inputs = inputs;
        _reader = new ExpressionReader([.. inputs.Select(i => (i.Name, i.Type))]);
    }

    public IReadOnlyList<RuleInput> Inputs { get; }

    /// <summary>Every rule built, numbered as the run knows them (nested and evaluated-by-action rules included).</summary>
    public List<RuleDefinition> Rules { get; } = [];

    /// <summary>The message of each rule, by number.</summary>
    public List<MessageTemplate> Messages { get; } = [];

    /// <summary>The numbers of each rule's nested rules, by the rule's number.</summary>
    public Dictionary<int, IReadOnlyList<int>> Children { get; } = [];

    /// <summary>The numbers of the top-level rules, in order.</summary>
    public List<int> TopLevel { get; } = [];

    /// <summary>What is wrong, each at its place in the file.</summary>
    public List<Problem> Problems { get; } = [];

    /// <summary>The names of GlobalParams that read no input, with the value each has for every line.</summary>
    public Dictionary<string, object?> ConstantGlobals { get; } = new(StringComparer.Ordinal);

    /// <summary>Builds the tree of the workflow: its GlobalParams, then its rules (the injected ones after its own).</summary>
    public Expression<Action<object?[], RuleRun>> Build(IReadOnlyList<ParamDefinition> globals, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<ParamDefinition> injectedGlobals)
    {
        var body = new List<Expression>();
        var scope = ExpressionScope.Empty;
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Variable(Inputs[i].Type, Inputs[i].Name);
            body.Add(Expression.Assign(input, Expression.Convert(Expression.ArrayIndex(_args, Expression.Constant(i)), input.Type)));
            scope = scope.With(input, "input");
            // RulesEngine names inputs passed without names input1, input2 ...: both names work.
            if (!string.Equals(Inputs[i].Name, $"input{i + 1}", StringComparison.OrdinalIgnoreCase))
            {
                var alias = Variable(input.Type, $"input{i + 1}");
                body.Add(Expression.Assign(alias, input));
                scope = scope.With(alias, "input");
            }
        }

        var globalsDone = Expression.Label("globalsDone");
        _failedGlobal = Variable(typeof(string), "failedGlobal");
        _globalError = Variable(typeof(Exception), "globalError");
        body.Add(Expression.Assign(_failedGlobal, Expression.Constant(null, typeof(string))));
        foreach (var global in globals)
        {
            var (parameter, value) = Declare(global, scope, "GlobalParam", global.Name);
            if (parameter is null)
            {
                _broken.Add(global.Name);
                continue;
            }
            scope = scope.With(parameter, "GlobalParam");
            if (value is ConstantExpression constant)
            {
                ConstantGlobals[global.Name] = constant.Value;
                body.Add(Expression.Assign(parameter, value));
                continue;
            }
            var thrown = Expression.Parameter(typeof(Exception), "thrown");
            _globalParameters.Add(parameter);
            body.Add(Expression.TryCatch(
                Expression.Block(typeof(void), Expression.Assign(parameter, value!)),
                Expression.Catch(thrown, Expression.Block(typeof(void),
                    Expression.Assign(_failedGlobal, Expression.Constant(global.Name)), Expression.Assign(_globalError, thrown), Expression.Goto(globalsDone)))));
        }
        body.Add(Expression.Label(globalsDone));
        _injectedGlobals = injectedGlobals;
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            var steps = new List<Expression>();
            var number = BuildRule(rule, scope, steps);
            TopLevel.Add(number);
            if (_globalParameters.Count == 0)
            {
                body.AddRange(steps);
                continue;
            }
            // A GlobalParam that threw on this line fails every rule, its messages filled from what does not read one.
            var values = _placeholderValues[number].Select(v => ReadsAny(v, _globalParameters) ? Expression.Constant(null) : v).ToList();
            // As in RulesEngine, the rule's OnFailure still runs, over the inputs alone: what reads a GlobalParam or a
            // LocalParam (never computed) is an exception.
            var onFailure = _onFailure.TryGetValue(number, out var action)
                ? ActionCall(number, action.Value, action.Locals.Concat(_globalParameters).ToList(), GlobalsFailed)
                : Expression.Empty();
            body.Add(Expression.IfThenElse(Expression.Equal(_failedGlobal, Expression.Constant(null, typeof(string))),
                Expression.Block(typeof(void), steps),
                Expression.Block(typeof(void), Expression.Call(_run, FailByGlobal, Expression.Constant(number), ValuesArray(values), _failedGlobal, _globalError), onFailure)));
        }
        return Expression.Lambda<Action<object?[], RuleRun>>(Expression.Block(typeof(void), _variables, body), _args, _run);
    }

    private IReadOnlyList<ParamDefinition> _injectedGlobals = [];
    private readonly Dictionary<int, (Expression Value, IReadOnlyList<ParameterExpression> Locals)> _onFailure = [];

    /// <summary>The value an action's parameter has when it was never computed: RulesEngine's action fails on it too.</summary>
    private static readonly Expression GlobalsFailed = Expression.Constant(new InvalidOperationException("a GlobalParam or LocalParam it reads could not be evaluated on this line"), typeof(object));
    private readonly List<ParameterExpression> _globalParameters = [];
    private readonly Dictionary<int, List<Expression>> _placeholderValues = [];
    private ParameterExpression _failedGlobal = null!;
    private ParameterExpression _globalError = null!;

    private static Expression ValuesArray(List<Expression> values) =>
        values.Count == 0 ? Expression.Constant(Array.Empty<object>()) : Expression.NewArrayInit(typeof(object), values);

    /// <summary>True when the expression reads one of <paramref name="parameters"/>.</summary>
    private static bool ReadsAny(Expression expression, IReadOnlyCollection<ParameterExpression> parameters)
    {
        var finder = new ParameterFinder(parameters);
        finder.Visit(expression);
        return finder.Found;
    }

    private sealed class ParameterFinder(IReadOnlyCollection<ParameterExpression> parameters) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= parameters.Contains(node);
            return node;
        }
    }

    /// <summary>Parameters reported broken: an expression that reads one is not reported again for it.</summary>
    private readonly HashSet<string> _broken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds one rule into <paramref name="into"/>; returns its number. Its result is left in its variable of <c>_results</c>.</summary>
    private int BuildRule(RuleDefinition rule, ExpressionScope scope, List<Expression> into)
    {
        var number = Rules.Count;
        Rules.Add(rule);
        var message = MessageTemplate.Parse(rule);
        Messages.Add(message);
        var passed = Variable(typeof(bool), $"passed{number}");
        var error = Variable(typeof(Exception), $"error{number}");
        _results[number] = passed;

        var inner = new List<Expression>();
        var ruleScope = scope;
        var broken = false;
        var locals = new List<ParameterExpression>();
        var localsDone = Variable(typeof(bool), $"localsDone{number}");
        foreach (var local in rule.LocalParams)
        {
            var (parameter, value) = Declare(local, ruleScope, "LocalParam", rule.Name);
            if (parameter is null)
            {
                _broken.Add(local.Name);
                broken = true;
                continue;
            }
            ruleScope = ruleScope.With(parameter, "LocalParam");
            locals.Add(parameter);
            inner.Add(Expression.Assign(parameter, value!));
        }
        inner.Add(Expression.Assign(localsDone, Expression.Constant(true)));

        var children = rule.Rules.Where(r => r.Enabled).ToList();
        if (broken)
            inner.Add(Expression.Assign(passed, Expression.Constant(false)));
        else if (rule.Rules.Count > 0 && rule.Operator is not null)
        {
            // RulesEngine's default NestedRuleExecutionMode.All: every nested rule runs, whatever the first ones gave.
            var numbers = children.Select(child => BuildRule(child, ruleScope, inner)).ToList();
            Children[number] = numbers;
            var isOr = rule.Operator.StartsWith("Or", StringComparison.Ordinal);
            Expression combined = numbers.Count == 0 ? Expression.Constant(false)
                : numbers.Select(n => (Expression)_results[n]).Aggregate((a, b) => isOr ? Expression.Or(a, b) : Expression.And(a, b));
            inner.Add(Expression.Assign(passed, combined));
        }
        else if (rule.Expression is { } text && !string.IsNullOrWhiteSpace(text.Value) && Read(text, ruleScope, typeof(bool), rule.Name, "rule") is { } condition)
            inner.Add(Expression.Assign(passed, condition));

        var caught = Expression.Parameter(typeof(Exception), "caught");
        into.Add(Expression.Assign(passed, Expression.Constant(false)));
        into.Add(Expression.Assign(localsDone, Expression.Constant(false)));
        into.Add(Expression.Assign(error, Expression.Constant(null, typeof(Exception))));
        into.Add(Expression.TryCatch(
            Expression.Block(typeof(void), inner.Count == 0 ? [Expression.Empty()] : inner),
            Expression.Catch(caught, Expression.Block(typeof(void), Expression.Assign(passed, Expression.Constant(false)), Expression.Assign(error, caught)))));

        // A LocalParam that threw was never computed: a message or action that reads it gets the exception, not a default.
        var notComputed = Expression.Convert(Expression.Coalesce(error, Expression.Constant(new InvalidOperationException("not computed"), typeof(Exception))), typeof(object));
        var values = message.Placeholders.Select(p => Read(p.Source, p.Start, p.Length, ruleScope, null, rule.Name, "ErrorMessage"))
            .Select(v => v is not null && ReadsAny(v, locals) ? Expression.Condition(localsDone, Guarded(v), notComputed) : Guarded(v)).ToList();
        _placeholderValues[number] = values;
        var onSuccess = ActionValue(rule.OnSuccess, rule, number, ruleScope);
        var onFailure = ActionValue(rule.OnFailure, rule, number, ruleScope);
        if (onFailure is not null)
            _onFailure[number] = (onFailure, locals);
        into.Add(Expression.IfThenElse(passed,
            Expression.Block(typeof(void), Expression.Call(_run, Pass, Expression.Constant(number)), onSuccess is null ? Expression.Empty() : ActionCall(number, onSuccess, locals, Expression.Condition(localsDone, Expression.Constant(null), notComputed))),
            Expression.Block(typeof(void),
                Expression.Call(_run, Fail, Expression.Constant(number), ValuesArray(values), error),
                onFailure is null ? Expression.Empty() : ActionCall(number, onFailure, locals, Expression.Condition(localsDone, Expression.Constant(null), notComputed)))));
        return number;
    }

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

    private readonly Dictionary<int, ParameterExpression> _results = [];

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

    /// <summary>A GlobalParam, LocalParam or additional input: its typed parameter and value, or (null, null) after reporting why not.</summary>
    private (ParameterExpression? Parameter, Expression? Value) Declare(ParamDefinition param, ExpressionScope scope, string kind, string owner)
    {
        if (scope.KindOf(param.Name) is { } clash)
        {
            var hint = kind == "GlobalParam" && clash == "input" ? "; RulesEngine refuses a GlobalParam named like an input" : "";
            ProblemAt("RULE005", $"{kind} name '{param.Name}' is already the name of {Describe(clash)} here{hint}; choose another", param.Expression.Position, owner);
            return (null, null);
        }
        var value = Read(param.Expression, scope, null, owner, kind);
        if (value is null)
            return (null, null);
        var parameter = Variable(value.Type, param.Name);
        // A name the language reads as one of its own types (Math, DateOnly) could never be used: say so now.
        var (resolved, _) = _reader.Read(param.Name, scope.With(parameter, kind), null);
        if (resolved != parameter)
        {
            ProblemAt("RULE014", $"{kind} name '{param.Name}' is a name of the expression language itself; choose another", param.Expression.Position, owner);
            return (null, null);
        }
        return (parameter, value);
    }

    private static string Describe(string kind) => kind switch
    {
        "input" => "an input",
        "additional input" => "an additional input",
        _ => "a " + kind,
    };

    private Expression? Read(JsonStringNode node, ExpressionScope scope, Type? returnType, string owner, string what) =>
        Read(node, 0, node.Value.Length, scope, returnType, owner, what);

    /// <summary>Parses part of a text of the file (a placeholder is part of its message); problems point into it.</summary>
    private Expression? Read(JsonStringNode node, int start, int length, ExpressionScope scope, Type? returnType, string owner, string what)
    {
        var text = node.Value.Substring(start, length);
        var (expression, issues) = _reader.Read(text, scope, returnType);
        foreach (var issue in issues)
        {
            // An unknown name that is a parameter reported broken follows from that report.
            if (_broken.Any(b => issue.Message.StartsWith($"'{b}' is not an input", StringComparison.OrdinalIgnoreCase)))
                continue;
            var message = issue.Code == "RULE020" && ParseMessagesHint(issue.Message, text) is { } hint ? issue.Message + hint : issue.Message;
            ProblemAt(issue.Code, $"{Owner(what, owner)}: {message}", node.At(start + issue.Offset), owner);
        }
        return expression;
    }

    /// <summary>For a name that is a GlobalParam only of an injected workflow: why it is not in scope.</summary>
    private string? ParseMessagesHint(string message, string text)
    {
        foreach (var global in _injectedGlobals)
            if (message.StartsWith($"'{global.Name}' is not an input", StringComparison.OrdinalIgnoreCase))
                return $". '{global.Name}' is a GlobalParam of an injected workflow: RulesEngine gives injected rules only the GlobalParams of the workflow that injects them, so define it there";
        return null;
    }

    private static string Owner(string what, string owner) => what switch
    {
        "rule" => $"rule '{owner}'",
        "ErrorMessage" => $"ErrorMessage of rule '{owner}'",
        "OutputExpression" => $"OutputExpression of rule '{owner}'",
        _ => $"{what} '{owner}'",
    };

    /// <summary>The value as an object, or the exception it threw.</summary>
    private static Expression Guarded(Expression? value)
    {
        if (value is null)
            return Expression.Constant(null);
        var caught = Expression.Parameter(typeof(Exception), "caught");
        return Expression.TryCatch(Expression.Convert(value, typeof(object)), Expression.Catch(caught, Expression.Convert(caught, typeof(object))));
    }

    private ParameterExpression Variable(Type type, string name)
    {
        var variable = Expression.Parameter(type, name);
        _variables.Add(variable);
        return variable;
    }

    private void ProblemAt(string code, string message, TextPosition position, string owner) =>
        Problems.Add(Problem.Error(code, message, new SourceLocation { File = _file.Path, Workflow = _workflow.Name, Rule = owner, Line = position.Line, Position = position.Column }));
}
