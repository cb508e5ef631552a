using System.Linq.Expressions;
using System.Linq.Dynamic.Core.Exceptions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>A problem in one expression: its code, message, and the offset in the expression's text it points at.</summary>
internal sealed record ExpressionIssue(string Code, string Message, int Offset);

/// <summary>
/// Reads one expression as RulesEngine does: its <see cref="RuleExpressionParser"/> with RulesEngine's default settings and
/// the inputs' types registered as RulesEngine registers them, so the language, its case-insensitive names and its
/// functions are RulesEngine's own. Around the parser: the length and nesting limits (checked first, since the parser
/// recurses), messages in the consultant's terms, the <see cref="AllowList"/>, and the parts that read no input computed
/// once (<see cref="ConstantFolder"/>).
/// </summary>
internal sealed class ExpressionReader
{
    /// <summary>Longest expression accepted, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>Deepest bracket nesting accepted in an expression's text.</summary>
    public const int MaxNesting = 32;

    private readonly RuleExpressionParser _parser;
    private readonly AllowList _allowList;
    private readonly ParseMessages _messages;

    public ExpressionReader(IReadOnlyList<(string Name, Type Type)> inputs)
    {
        // As RulesEngine's AutoRegisterInputType: each input type, its generic arguments, element and underlying types.
        var custom = new HashSet<Type>();
        foreach (var (_, type) in inputs)
            Collect(type, custom);
        _parser = new RuleExpressionParser(new ReSettings { CustomTypes = [.. custom] });
        _allowList = new AllowList(inputs.Select(i => i.Type));
        _messages = new ParseMessages(inputs, _allowList.Readable);
    }

    /// <summary>
    /// Parses <paramref name="text"/> in <paramref name="scope"/>: a boolean when <paramref name="returnType"/> is bool, any
    /// value when null. Returns the checked, folded expression, or the issues that stop it.
    /// </summary>
    public (Expression? Expression, IReadOnlyList<ExpressionIssue> Issues) Read(string text, ExpressionScope scope, Type? returnType)
    {
        if (text.Length > MaxLength)
            return (null, [new("RULE031", $"the expression is {text.Length} characters long; at most {MaxLength} are allowed", 0)]);
        if (ExpressionText.Nesting(text) is var nesting && nesting > MaxNesting)
            return (null, [new("RULE032", $"the expression nests {nesting} brackets deep; at most {MaxNesting} are allowed", 0)]);

        Expression parsed;
        try
        {
            parsed = _parser.Parse(text, scope.Parameters, returnType);
        }
        catch (ParseException ex)
        {
            // The type a rule's expression has instead of true/false, for the message: parsed again only then.
            var actual = returnType is not null && ex.Message.StartsWith("Expression of type 'Boolean' expected", StringComparison.Ordinal) ? TypeOf(text, scope) : null;
            var (message, offset) = _messages.Explain(ex.Message, text, ex.Position, scope, actual);
            return (null, [new("RULE020", message, offset)]);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException or System.Reflection.AmbiguousMatchException)
        {
            // Some of the parser's failures carry no position: the expression is named as a whole.
            var (message, offset) = _messages.Explain(ex.Message, text, 0, scope, null);
            return (null, [new("RULE020", message, offset)]);
        }

        if (_allowList.Check(parsed) is { } refusal)
        {
            var at = refusal.Name is null ? 0 : Math.Max(0, ExpressionText.FindName(text, refusal.Name));
            return (null, [new(refusal.Reason.StartsWith("the expression nests", StringComparison.Ordinal) ? "RULE032" : "RULE030", refusal.Reason, at)]);
        }

        var (folded, failure) = ConstantFolder.Fold(parsed);
        if (failure is { } f)
        {
            var part = f.Part;
            while (part is UnaryExpression { Operand: { } operand })
                part = operand;
            var name = part switch { NewExpression n => n.Type.Name, MethodCallExpression m => m.Method.Name, MemberExpression m => m.Member.Name, _ => null };
            var at = name is null ? 0 : Math.Max(0, ExpressionText.FindName(text, name));
            return (null, [new("RULE033", $"'{Excerpt(text, at)}' cannot be computed: {f.Error.Message} It reads no input, so it would fail on every line.", at)]);
        }
        return (folded, []);
    }

    /// <summary>Parses the same text as any value, to name the type a rule expression has when it is not true or false.</summary>
    private Type? TypeOf(string text, ExpressionScope scope)
    {
        try
        {
            return _parser.Parse(text, scope.Parameters, null).Type;
        }
        catch (Exception ex) when (ex is ParseException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static string Excerpt(string text, int at)
    {
        var end = at;
        var depth = 0;
        while (end < text.Length)
        {
            var c = text[end];
            if (c == '(')
                depth++;
            else if (c == ')' && --depth == 0)
            {
                end++;
                break;
            }
            else if (depth == 0 && !(char.IsLetterOrDigit(c) || c is '_' or '.'))
                break;
            end++;
        }
        // A part that starts with a literal ("x".PadLeft(...)) is quoted whole, up to a length worth reading.
        return end > at ? text[at..end] : text.Length <= 60 ? text : text[..57] + "...";
    }

    private static void Collect(Type type, HashSet<Type> into)
    {
        if (!into.Add(type))
            return;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                Collect(argument, into);
        if (type.IsArray)
            Collect(type.GetElementType()!, into);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            Collect(underlying, into);
    }
}
