using System.Security.Cryptography;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Model;

/// <summary>
/// Reads a rule file in Microsoft RulesEngine's workflow format (a workflow object or an array of them) and
/// reports every structural problem at once, each at its line and column (docs/rules.md).
/// </summary>
public sealed class RuleFileReader
{
    private static readonly string[] WorkflowFields = ["$schema", "WorkflowName", "WorkflowsToInject", "GlobalParams", "Rules", "RuleExpressionType"];
    private static readonly string[] RuleFields = ["RuleName", "Expression", "ErrorMessage", "ErrorType", "Enabled", "RuleExpressionType", "Operator", "Rules", "LocalParams", "SuccessEvent", "SuccessMessage", "Properties", "Actions", "WorkflowsToInject"];
    // Rule-level WorkflowsToInject (RulesEngine's nested injection) is recognised so that it is refused plainly, not ignored.
    private static readonly string[] ActionsFields = ["OnSuccess", "OnFailure"];
    private static readonly string[] ActionFields = ["Name", "Context"];
    private static readonly string[] SupportedActions = ["OutputExpression", "EvaluateRule"];
    private static readonly string[] ParamFields = ["Name", "Expression"];
    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    private readonly string _path;
    private readonly List<Problem> _problems = [];
    private readonly HashSet<string> _refusedNames = new(StringComparer.OrdinalIgnoreCase);

    private RuleFileReader(string path) => _path = path;

    /// <summary>Reads a file from disk.</summary>
    public static (RuleFile? File, IReadOnlyList<Problem> Problems) Read(string path) => Read(path, File.ReadAllBytes(path));

    /// <summary>
    /// Reads a file's bytes; <paramref name="path"/> names it in problems. The file is null only when it is not JSON of
    /// the right shape; otherwise it comes with its problems, which the caller must check before using it.
    /// </summary>
    public static (RuleFile? File, IReadOnlyList<Problem> Problems) Read(string path, byte[] utf8)
    {
        var reader = new RuleFileReader(path);
        var (root, error) = PositionedJsonParser.Parse(utf8);
        if (error is { } e)
            return (null, [reader.ErrorAt("RULE001", $"the file is not valid JSON: {e.Message}", e.Position)]);

        var workflows = root switch
        {
            JsonArrayNode array => array.Items.Select(reader.ReadWorkflow).OfType<WorkflowDefinition>().ToList(),
            JsonObjectNode => [.. new[] { reader.ReadWorkflow(root!) }.OfType<WorkflowDefinition>()],
            _ => reader.Fail<List<WorkflowDefinition>>("RULE002", "a rule file holds a workflow object or an array of workflows", root!.Position) ?? [],
        };
        foreach (var duplicate in workflows.GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            reader.ErrorAt("RULE005", $"workflow '{duplicate.Key}' is defined more than once", duplicate.Last().Position);
        var hash = Convert.ToHexStringLower(SHA256.HashData(utf8));
        // The file is returned with its problems so the compiler can still judge the expressions: every problem at
        // once. A file with errors is never used to check lines (RuleSetProvider).
        return (new RuleFile(path, hash, workflows) { RefusedParameterNames = reader._refusedNames }, reader._problems);
    }

    private WorkflowDefinition? ReadWorkflow(JsonNode node)
    {
        if (node is not JsonObjectNode obj)
            return Fail<WorkflowDefinition>("RULE002", "a workflow must be a JSON object", node.Position);
        CheckFields(obj, WorkflowFields, "workflow");
        var name = RequiredString(obj, "WorkflowName", "workflow");
        var rules = ReadList(obj, "Rules", ReadRule);
        if (obj.Find("Rules") is null or { Value: JsonNullNode })
            ErrorAt("RULE003", $"workflow '{name}' has no Rules", obj.Position);
        var globals = ReadList(obj, "GlobalParams", ReadParam);
        var injected = ReadList(obj, "WorkflowsToInject", n => n as JsonStringNode ?? Fail<JsonStringNode>("RULE002", "WorkflowsToInject holds workflow names", n.Position));
        CheckUnique(globals.Select(g => (g.Name, g.Expression.Position)), "GlobalParam");
        CheckUnique(rules.Select(r => (r.Name, r.Position)), "rule");
        return new WorkflowDefinition
        {
            Name = name ?? "",
            Position = obj.Position,
            WorkflowsToInject = [.. injected.Select(n => n.Value)],
            WorkflowsToInjectPositions = [.. injected.Select(n => n.Position)],
            GlobalParams = globals,
            Rules = rules,
        };
    }

    private RuleDefinition? ReadRule(JsonNode node)
    {
        if (node is not JsonObjectNode obj)
            return Fail<RuleDefinition>("RULE002", "a rule must be a JSON object", node.Position);
        CheckFields(obj, RuleFields, "rule");
        var name = RequiredString(obj, "RuleName", "rule") ?? "";
        var expression = StringNode(obj, "Expression");
        var errorMessage = StringNode(obj, "ErrorMessage");
        if (obj.Find("Enabled")?.Value is { } enabled and not JsonBoolNode)
            ErrorAt("RULE002", $"rule '{name}': Enabled must be true or false (without quotes)", enabled.Position);
        var nested = ReadList(obj, "Rules", ReadRule);
        var op = OptionalString(obj, "Operator");
        // RulesEngine reads Operator with Enum.TryParse, which is case-sensitive: "and" would make the rule a leaf.
        if (op is not null && !Operators.Contains(op, StringComparer.Ordinal))
            ErrorAt("RULE006", $"rule '{name}': Operator '{op}' is not one of {string.Join(", ", Operators)} (RulesEngine reads them in this case only)", obj.Find("Operator")!.Value.Position);
        if (nested.Count > 0 && op is null)
            ErrorAt("RULE006", $"rule '{name}' has nested Rules but no Operator (And, AndAlso, Or or OrElse)", obj.Position);
        // RulesEngine's validator refuses an Operator without nested Rules (unless the rule injects workflows, refused below).
        if (op is not null && nested.Count == 0 && obj.Find("WorkflowsToInject") is null)
            ErrorAt("RULE006", $"rule '{name}' has an Operator but no nested Rules; remove the Operator, or add the Rules it combines", obj.Find("Operator")!.Value.Position);
        if (expression is null && !nested.Any(r => r.Enabled) && obj.Find("Expression") is null or { Value: JsonNullNode })
            ErrorAt("RULE004", nested.Count == 0 ? $"rule '{name}' has no Expression" : $"rule '{name}' has no Expression and none of its nested Rules is enabled", obj.Position);
        else if (expression is not null && string.IsNullOrWhiteSpace(expression.Value))
            ErrorAt("RULE004", $"rule '{name}' has an empty Expression", expression.Position);
        if (obj.Find("WorkflowsToInject") is { } ruleInjection)
            ErrorAt("RULE013", $"rule '{name}': WorkflowsToInject on a rule is not supported; put it on the workflow, whose injected rules then run with its own", ruleInjection.NamePosition);
        var expressionType = OptionalString(obj, "RuleExpressionType");
        if (expressionType is not null && !string.Equals(expressionType, "LambdaExpression", StringComparison.OrdinalIgnoreCase))
            ErrorAt("RULE007", $"rule '{name}': RuleExpressionType '{expressionType}' is not supported; use LambdaExpression", obj.Find("RuleExpressionType")!.Value.Position);
        var locals = ReadList(obj, "LocalParams", ReadParam);
        CheckUnique(locals.Select(l => (l.Name, l.Expression.Position)), "LocalParam");
        CheckUnique(nested.Select(r => (r.Name, r.Position)), "rule");
        var properties = ReadProperties(obj);
        var severity = Severity.Error;
        if (properties.TryGetValue("Severity", out var severityText) && !TryParseSeverity(severityText, out severity))
            ErrorAt("RULE008", $"rule '{name}': Properties.Severity '{severityText}' must be Error or Warning", obj.Find("Properties")!.Value.Position);
        return new RuleDefinition
        {
            Name = name,
            Position = obj.Position,
            Expression = expression,
            ErrorMessage = errorMessage,
            Enabled = obj.Find("Enabled")?.Value is not JsonBoolNode { Value: false },
            Operator = op,
            Rules = nested,
            LocalParams = locals,
            SuccessEvent = OptionalString(obj, "SuccessEvent") ?? OptionalString(obj, "SuccessMessage"), // SuccessMessage: RulesEngine's older name
            OnSuccess = ReadAction(obj, "OnSuccess", name),
            OnFailure = ReadAction(obj, "OnFailure", name),
            Properties = properties,
            TranslatedMessages = TranslatedMessages(obj, name),
            Severity = severity,
        };
    }

    private ActionDefinition? ReadAction(JsonObjectNode rule, string which, string ruleName)
    {
        var actionsNode = rule.Find("Actions")?.Value;
        if (actionsNode is null or JsonNullNode)
            return null;
        if (actionsNode is not JsonObjectNode actions)
            return which == "OnSuccess" ? Fail<ActionDefinition>("RULE002", $"rule '{ruleName}': Actions must be an object with OnSuccess and/or OnFailure", actionsNode.Position) : null;
        if (which == "OnSuccess")
            CheckFields(actions, ActionsFields, "Actions object");
        var actionNode = actions.Find(which)?.Value;
        if (actionNode is null or JsonNullNode)
            return null;
        if (actionNode is not JsonObjectNode action)
            return Fail<ActionDefinition>("RULE002", $"rule '{ruleName}': {which} must be an object with Name and Context", actionNode.Position);
        CheckFields(action, ActionFields, "action");
        var name = RequiredString(action, "Name", "action");
        // RulesEngine finds actions by their exact name (its registry is a plain dictionary).
        if (name is not null && !SupportedActions.Contains(name, StringComparer.Ordinal))
        {
            var hint = SupportedActions.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)) is { } cased ? $"; RulesEngine spells it '{cased}'"
                : EditDistance.Nearest(name, SupportedActions) is { } nearest ? $"; did you mean '{nearest}'?" : "";
            ErrorAt("RULE012", $"rule '{ruleName}': action '{name}' is not one of RulesEngine's actions ({string.Join(", ", SupportedActions)}){hint}", action.Position);
            return null;
        }
        var context = action.Find("Context")?.Value as JsonObjectNode;
        if (name == "OutputExpression")
        {
            if (context?.Find("Expression")?.Value is not JsonStringNode expression)
                return Fail<ActionDefinition>("RULE004", $"rule '{ruleName}': the {which} OutputExpression needs Context.Expression", action.Position);
            return new ActionDefinition { Name = name, Position = action.Position, Expression = expression };
        }
        if (context?.Find("workflowName")?.Value is not JsonStringNode workflow || context.Find("ruleName")?.Value is not JsonStringNode target)
            return Fail<ActionDefinition>("RULE004", $"rule '{ruleName}': the {which} EvaluateRule needs Context.workflowName and Context.ruleName", action.Position);
        List<string>? filter = null;
        if (context.Find("inputFilter")?.Value is { } filterNode and not JsonNullNode)
            filter = filterNode is JsonArrayNode names && names.Items.All(n => n is JsonStringNode)
                ? [.. names.Items.Cast<JsonStringNode>().Select(n => n.Value)]
                : Fail<List<string>>("RULE002", $"rule '{ruleName}': inputFilter holds the names of the inputs passed on", filterNode.Position);
        return new ActionDefinition
        {
            Name = name!,
            Position = action.Position,
            WorkflowName = workflow,
            RuleName = target,
            InputFilter = filter,
            AdditionalInputs = ReadList(context, "additionalInputs", ReadParam),
        };
    }

    private ParamDefinition? ReadParam(JsonNode node)
    {
        if (node is not JsonObjectNode obj)
            return Fail<ParamDefinition>("RULE002", "a parameter must be an object with Name and Expression", node.Position);
        CheckFields(obj, ParamFields, "parameter");
        var name = RequiredString(obj, "Name", "parameter");
        if (name is not null && !ParameterName.IsPlain(name))
        {
            _refusedNames.Add(name);
            return Fail<ParamDefinition>("RULE014", $"parameter name '{name}' must be a single name of letters, digits and _ (not starting with a digit) that is not a word of the expression language ({ParameterName.ReservedList})", obj.Find("Name")!.Value.Position);
        }
        if (obj.Find("Expression")?.Value is not JsonStringNode expression)
            return Fail<ParamDefinition>("RULE004", $"parameter '{name}' has no Expression", obj.Position);
        return name is null ? null : new ParamDefinition(name, expression);
    }

    /// <summary>Error or Warning by name, in any case; numbers and combinations are not severities.</summary>
    private static bool TryParseSeverity(string text, out Severity severity)
    {
        severity = string.Equals(text, "Warning", StringComparison.OrdinalIgnoreCase) ? Severity.Warning : Severity.Error;
        return string.Equals(text, "Warning", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "Error", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A field that must be a string when present: another kind of value is an error, not a silent absence.</summary>
    private JsonStringNode? StringNode(JsonObjectNode obj, string field) => obj.Find(field)?.Value switch
    {
        null or JsonNullNode => null,
        JsonStringNode s => s,
        var other => Fail<JsonStringNode>("RULE002", $"{field} must be a string", other.Position),
    };

    /// <summary>Properties named <c>ErrorMessage.CODE</c>: the message in that language (a string, or it is an error).</summary>
    private Dictionary<string, JsonStringNode> TranslatedMessages(JsonObjectNode obj, string rule)
    {
        var result = new Dictionary<string, JsonStringNode>(StringComparer.OrdinalIgnoreCase);
        if (obj.Find("Properties")?.Value is not JsonObjectNode properties)
            return result;
        foreach (var member in properties.Members.Where(m => m.Name.StartsWith("ErrorMessage.", StringComparison.OrdinalIgnoreCase)))
        {
            var language = member.Name["ErrorMessage.".Length..];
            // A message in a language PluginHost does not show would never be seen: most likely a typo (se for sv).
            if (!Reports.Languages.ReportLanguage.Codes.Contains(language, StringComparer.OrdinalIgnoreCase))
                ErrorAt("RULE015", $"rule '{rule}': Properties.{member.Name} is in a language PluginHost does not show; the languages are {string.Join(", ", Reports.Languages.ReportLanguage.Codes)}", member.NamePosition);
            else if (member.Value is JsonStringNode message)
                result[language] = message;
            else
                ErrorAt("RULE002", $"rule '{rule}': Properties.{member.Name} must be a string (the ErrorMessage in that language)", member.Value.Position);
        }
        return result;
    }

    private Dictionary<string, string> ReadProperties(JsonObjectNode obj)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var node = obj.Find("Properties")?.Value;
        if (node is not JsonObjectNode properties)
        {
            if (node is not null and not JsonNullNode)
                ErrorAt("RULE002", "Properties must be an object, e.g. { \"Severity\": \"Warning\" }", node.Position);
            return result;
        }
        foreach (var member in properties.Members)
            result[member.Name] = member.Value switch
            {
                JsonStringNode s => s.Value,
                JsonNumberNode n => n.Text,
                JsonBoolNode b => b.Value ? "true" : "false",
                _ => "",
            };
        return result;
    }

    private List<T> ReadList<T>(JsonObjectNode obj, string field, Func<JsonNode, T?> read)
    {
        var member = obj.Find(field);
        if (member is null || member.Value is JsonNullNode)
            return [];
        if (member.Value is not JsonArrayNode array)
            return Fail<List<T>>("RULE002", $"{field} must be an array", member.Value.Position) ?? [];
        return array.Items.Select(read).Where(x => x is not null).Select(x => x!).ToList();
    }

    private string? RequiredString(JsonObjectNode obj, string field, string what)
    {
        var value = OptionalString(obj, field);
        if (string.IsNullOrWhiteSpace(value))
            ErrorAt("RULE003", $"the {what} has no {field}", obj.Position);
        return value;
    }

    private string? OptionalString(JsonObjectNode obj, string field) => obj.Find(field)?.Value switch
    {
        null or JsonNullNode => null,
        JsonStringNode s => s.Value,
        var other => Fail<string>("RULE002", $"{field} must be a string", other.Position),
    };

    private void CheckFields(JsonObjectNode obj, string[] known, string what)
    {
        foreach (var member in obj.Members.Where(m => !known.Contains(m.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var nearest = known.MinBy(k => EditDistance.Between(k.ToLowerInvariant(), member.Name.ToLowerInvariant()))!;
            var hint = EditDistance.Between(nearest.ToLowerInvariant(), member.Name.ToLowerInvariant()) <= Math.Max(2, nearest.Length / 3) ? $"; did you mean '{nearest}'?" : $"; a {what} has {string.Join(", ", known.Where(k => k != "$schema"))}";
            ErrorAt("RULE009", $"unknown field '{member.Name}' in a {what}{hint}", member.NamePosition);
        }
    }

    private void CheckUnique(IEnumerable<(string Name, TextPosition Position)> names, string what)
    {
        foreach (var duplicate in names.Where(n => n.Name.Length > 0).GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            ErrorAt("RULE005", $"{what} name '{duplicate.Key}' is used more than once", duplicate.Last().Position);
    }

    private T? Fail<T>(string code, string message, TextPosition position) where T : class
    {
        ErrorAt(code, message, position);
        return null;
    }

    private Problem ErrorAt(string code, string message, TextPosition position)
    {
        var problem = Problem.Error(code, message, SourceLocation.InText(_path, position.Line, position.Column));
        _problems.Add(problem);
        return problem;
    }
}
