using System.Linq.Expressions;
using PluginHost.Engine.Rules.Json;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>The texts of the file: parameters declared in scope, expressions read, and their problems placed in the file.</summary>
internal sealed partial class WorkflowBuilder
{
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

    /// <summary>A placeholder's value; one RulesEngine's way of cutting them could never read is said so, at its place.</summary>
    private Expression? Placeholder(MessageTemplate.Placeholder placeholder, ExpressionScope scope, string rule)
    {
        if (string.IsNullOrWhiteSpace(placeholder.Path))
        {
            ProblemAt("RULE020", $"ErrorMessage of rule '{rule}': $() is empty; name a value inside it, e.g. $(line.Row)", placeholder.Source.At(placeholder.Start), rule);
            return null;
        }
        if (placeholder.Path.Contains('(', StringComparison.Ordinal))
        {
            ProblemAt("RULE020", $"ErrorMessage of rule '{rule}': a placeholder ends at its first ')', as in RulesEngine, so $({placeholder.Path}) cannot call a function; compute the value in a LocalParam and name it: $(Name)", placeholder.Source.At(placeholder.Start), rule);
            return null;
        }
        return Read(placeholder.Source, placeholder.Start, placeholder.Length, scope, null, rule, "ErrorMessage");
    }
}
