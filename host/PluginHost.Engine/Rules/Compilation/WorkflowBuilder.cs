using System.Linq.Expressions;
using System.Reflection;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Json;
using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

using static PluginHost.Engine.Rules.Compilation.ExpressionParts;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Builds one expression tree that evaluates a whole workflow on one line, from the trees RulesEngine's parser makes of
/// each expression, with RulesEngine 6.0.1's semantics (its <c>ExecuteAllRulesAsync</c>): GlobalParams once per line, a
/// throwing GlobalParam failing every rule; LocalParams in order, seen by the rule, its nested rules and its messages; every
/// enabled nested rule evaluated, combined by And/AndAlso (all pass) or Or/OrElse (any passes); a rule that throws fails
/// with its exception; OnSuccess or OnFailure run after the rule. Outcomes go to a <see cref="RuleRun"/>; rules are
/// numbered in the order they are built. Every problem found on the way is collected with its position.
/// </summary>
internal sealed partial class WorkflowBuilder
{
    private static readonly MethodInfo Pass = typeof(RuleRun).GetMethod(nameof(RuleRun.Pass))!;
    private static readonly MethodInfo Fail = typeof(RuleRun).GetMethod(nameof(RuleRun.Fail))!;
    private static readonly MethodInfo Output = typeof(RuleRun).GetMethod(nameof(RuleRun.Output))!;
    private static readonly MethodInfo OutputOf = typeof(RuleRun).GetMethod(nameof(RuleRun.OutputOf))!;
    private static readonly MethodInfo FailByGlobal = typeof(RuleRun).GetMethod(nameof(RuleRun.FailByGlobal))!;

    /// <summary>The value an action's parameter has when it was never computed: RulesEngine's action fails on it too.</summary>
    private static readonly Expression GlobalsFailed = Expression.Constant(new InvalidOperationException("a GlobalParam or LocalParam it reads could not be evaluated on this line"), typeof(object));

    private readonly RuleFile _file;
    private readonly WorkflowDefinition _workflow;
    private readonly ExpressionReader _reader;
    private readonly ParameterExpression _args = Expression.Parameter(typeof(object[]), "args");
    private readonly ParameterExpression _run = Expression.Parameter(typeof(RuleRun), "run");
    private readonly List<ParameterExpression> _variables = [];

    /// <summary>The rules whose EvaluateRule is being built: one that leads back to them would never end.</summary>
    private readonly Stack<RuleDefinition> _evaluating = new();

    /// <summary>The GlobalParams of injected workflows, which RulesEngine does not carry over: named in hints.</summary>
    private IReadOnlyList<ParamDefinition> _injectedGlobals = [];

    /// <summary>Parameters reported broken: an expression that reads one is not reported again for it.</summary>
    private readonly HashSet<string> _broken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The GlobalParams computed per line, which can throw; the one that did and its exception.</summary>
    private readonly List<ParameterExpression> _globalParameters = [];
    private ParameterExpression _failedGlobal = null!;
    private ParameterExpression _globalError = null!;

    /// <summary>By rule number: its result, its message's values, its OnFailure value with the LocalParams it may read.</summary>
    private readonly Dictionary<int, ParameterExpression> _results = [];
    private readonly Dictionary<int, List<Expression>> _placeholderValues = [];
    private readonly Dictionary<int, (Expression Value, IReadOnlyList<ParameterExpression> Locals)> _onFailure = [];

    public WorkflowBuilder(RuleFile file, WorkflowDefinition workflow, IReadOnlyList<RuleInput> inputs)
    {
        _file = file;
        _workflow = workflow;
        _inputs = inputs;
        _reader = new ExpressionReader([.. inputs.Select(i => (i.Name, i.Type))]);
        _broken.UnionWith(file.RefusedParameterNames);
    }

    /// <summary>The plugin's rule inputs, in the order a line's values come.</summary>
    private readonly IReadOnlyList<RuleInput> _inputs;

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

    /// <summary>Builds the tree of the workflow: its GlobalParams, then its rules (the injected ones after its own).</summary>
    public Expression<Action<object?[], RuleRun>> Build(IReadOnlyList<ParamDefinition> globals, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<ParamDefinition> injectedGlobals)
    {
        var body = new List<Expression>();
        var scope = ExpressionScope.Empty;
        for (var i = 0; i < _inputs.Count; i++)
        {
            var input = Variable(_inputs[i].Type, _inputs[i].Name);
            body.Add(Expression.Assign(input, Expression.Convert(Expression.ArrayIndex(_args, Expression.Constant(i)), input.Type)));
            scope = scope.With(input, "input");
            // RulesEngine names inputs passed without names input1, input2 ...: both names work.
            if (!string.Equals(_inputs[i].Name, $"input{i + 1}", StringComparison.OrdinalIgnoreCase))
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
        if (locals.Count > 0)
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
        // passed, localsDone and error start false and null on every line: the tree's variables are the compiled
        // method's locals, zeroed on each call, and each rule's block runs at most once per line.
        into.Add(Expression.TryCatch(
            Expression.Block(typeof(void), inner.Count == 0 ? [Expression.Empty()] : inner),
            Expression.Catch(caught, Expression.Block(typeof(void), Expression.Assign(passed, Expression.Constant(false)), Expression.Assign(error, caught)))));

        // A LocalParam that threw was never computed: a message or action that reads it gets the exception, not a default.
        var notComputed = Expression.Convert(Expression.Coalesce(error, Expression.Constant(new InvalidOperationException("not computed"), typeof(Exception))), typeof(object));
        var values = message.Placeholders.Select(p => Placeholder(p, ruleScope, rule.Name))
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

    private ParameterExpression Variable(Type type, string name)
    {
        var variable = Expression.Parameter(type, name);
        _variables.Add(variable);
        return variable;
    }

    private void ProblemAt(string code, string message, TextPosition position, string owner) =>
        Problems.Add(Problem.Error(code, message, new SourceLocation { File = _file.Path, Workflow = _workflow.Name, Rule = owner, Line = position.Line, Position = position.Column }));
}
