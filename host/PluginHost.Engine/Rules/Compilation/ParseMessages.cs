using System.Reflection;
using System.Text.RegularExpressions;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// The parser's messages in a consultant's terms: an unknown field names the input it was looked for on and the nearest
/// field ("line has no field 'DocumentNumber'; did you mean 'DocumentNo'? (fields: ...)"), an unknown name the names in
/// scope, and types by what they hold (text, number, date), never by their .NET names.
/// </summary>
internal sealed partial class ParseMessages
{
    private readonly Dictionary<string, string> _inputTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);

    public ParseMessages(IReadOnlyList<(string Name, Type Type)> inputs, IEnumerable<Type> readable)
    {
        foreach (var (name, type) in inputs)
            _inputTypeNames.TryAdd(type.Name, name);
        foreach (var type in readable)
            _typesByName.TryAdd(type.Name, type);
    }

    /// <summary>Rewrites a parser message about <paramref name="text"/> at <paramref name="offset"/>; returns it and where it points.</summary>
    public (string Message, int Offset) Explain(string message, string text, int offset, ExpressionScope scope, Type? actualType)
    {
        if (CSharpHabit(text) is { } habit)
            return habit;
        return (Plain(message.TrimEnd('.'), text, offset, scope, actualType), offset);
    }

    /// <summary>
    /// C# written where RulesEngine's language differs: the parser's own message about it says little ("Expression is
    /// missing an 'as' clause" for new DateOnly(...)), so the habit is named instead, at its place. Text inside string
    /// literals does not count.
    /// </summary>
    private static (string Message, int Offset)? CSharpHabit(string text)
    {
        var code = ExpressionText.WithoutLiterals(text);
        if (NewDate().Match(code) is { Success: true } newDate)
            return ($"write {newDate.Groups[1].Value}(2026, 11, 1): RulesEngine's language creates a date without new", newDate.Index);
        if (IsNull().Match(code) is { Success: true } isNull)
            return ("RulesEngine's language has no 'is null': write == null or != null", isNull.Index);
        if (code.IndexOf("?.", StringComparison.Ordinal) is >= 0 and var conditional)
            return ("RulesEngine's language has no ?.: write np(a.b), which is null when a is", conditional);
        if (code.IndexOf("$\"", StringComparison.Ordinal) is >= 0 and var interpolated)
            return ("RulesEngine's language has no $\"...\" strings: join text with +", interpolated);
        return null;
    }

    private string Plain(string message, string text, int offset, ExpressionScope scope, Type? actualType)
    {
        if (NoField().Match(message) is { Success: true } field)
            return UnknownMember(field.Groups[1].Value, field.Groups[2].Value, text, offset, "field", Fields);
        if (NoMethod().Match(message) is { Success: true } method)
            return UnknownMember(method.Groups[1].Value, method.Groups[2].Value, text, offset, "function", Methods);
        if (UnknownIdentifier().Match(message) is { Success: true } identifier)
            return UnknownName(identifier.Groups[1].Value, scope);
        if (NotAccessible().Match(message) is { Success: true } methods)
            return $"calling functions of {Friendly(methods.Groups[1].Value)} is not allowed in rules: the inputs are read through their fields";
        if (message == "Syntax error")
            return "this does not read as one expression (a bracket, quote or operator too many or too few?)";
        if (message == "Expression of type 'Boolean' expected")
            return actualType is null ? "the expression must be true or false" : $"the expression must be true or false, but it is {Article(Friendly(actualType))}";
        if (BinaryNotDefined().Match(message) is { Success: true } binary)
            return $"'{Symbol(binary.Groups[1].Value)}' cannot be used between {Article(Friendly(binary.Groups[2].Value))} and {Article(Friendly(binary.Groups[3].Value))}";
        if (Incompatible().Match(message) is { Success: true } incompatible)
            return $"'{incompatible.Groups[1].Value}' cannot be used between {Article(Friendly(incompatible.Groups[2].Value))} and {Article(Friendly(incompatible.Groups[3].Value))}";
        if (NotAValue().Match(message) is { Success: true } value)
            return $"\"{value.Groups[1].Value}\" is not {Article(Friendly(value.Groups[2].Value))}";
        return QuotedType().Replace(message, m => $"'{Friendly(m.Groups[1].Value)}'");
    }

    private static string Symbol(string operation) => operation switch
    {
        "Equal" => "=",
        "NotEqual" => "<>",
        "GreaterThan" => ">",
        "GreaterThanOrEqual" => ">=",
        "LessThan" => "<",
        "LessThanOrEqual" => "<=",
        "Add" => "+",
        "Subtract" => "-",
        "Multiply" => "*",
        "Divide" => "/",
        "AndAlso" => "AND",
        "OrElse" => "OR",
        _ => operation,
    };

    private string UnknownMember(string member, string typeName, string text, int offset, string what, Func<Type, IEnumerable<string>> membersOf)
    {
        var receiver = ExpressionText.ReceiverBefore(text, offset) ?? Friendly(typeName);
        var input = _typesByName.GetValueOrDefault(typeName);
        var type = input ?? FrameworkType(typeName);
        var known = type is null ? [] : membersOf(type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (known.Contains(member, StringComparer.OrdinalIgnoreCase))
            return $"'{member}' of {receiver} does not take these arguments (their number or kinds differ)";
        var hint = EditDistance.Nearest(member, known) is { } nearest ? $"; did you mean '{nearest}'?" : "";
        // The fields of an input are the consultant's vocabulary; the members of text or a number are not worth a list.
        var list = input is not null && known.Count is > 0 and <= 60 ? $" ({what}s: {string.Join(", ", known)})" : "";
        return $"{receiver} has no {what} '{member}'{hint}{list}";
    }

    private static string UnknownName(string name, ExpressionScope scope)
    {
        var hint = EditDistance.Nearest(name, scope.Names) is { } nearest ? $"; did you mean '{nearest}'?" : "";
        return $"'{name}' is not an input, GlobalParam or LocalParam here{hint} ({scope.Describe()})";
    }

    private static IEnumerable<string> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name)
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => f.Name));

    private static IEnumerable<string> Methods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Where(m => !m.IsSpecialName && m.DeclaringType != typeof(object)).Select(m => m.Name);

    private static Type? FrameworkType(string name) => name switch
    {
        "String" => typeof(string),
        "Decimal" => typeof(decimal),
        "DateOnly" => typeof(DateOnly),
        "DateTime" => typeof(DateTime),
        "Int32" => typeof(int),
        "Int64" => typeof(long),
        "Math" => typeof(Math),
        _ => null,
    };

    /// <summary>What a type holds, for a consultant: "text", "a number", the input it is, or its short name.</summary>
    private string Friendly(Type type) => Nullable.GetUnderlyingType(type) is { } inner ? Friendly(inner) : Friendly(type.Name);

    private string Friendly(string typeName) => typeName.StartsWith("System.", StringComparison.Ordinal) ? Friendly(typeName["System.".Length..])
        : typeName.EndsWith('?') ? $"{Friendly(typeName[..^1])} that may be empty"
        : typeName switch
    {
        "String" => "text",
        "Decimal" or "Double" or "Single" => "decimal number",
        "Int32" or "Int64" or "Int16" or "Byte" => "whole number",
        "Boolean" => "true/false",
        "DateOnly" => "date",
        "DateTime" => "date and time",
        "Object" => "value of unknown type",
        _ when _inputTypeNames.TryGetValue(typeName, out var input) => $"{input} (an input)",
        _ when typeName.StartsWith("Nullable", StringComparison.Ordinal) => "value that may be empty",
        _ when typeName.Contains('`', StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal) => "list",
        _ => typeName,
    };

    private static string Article(string noun) => noun.Contains("(an input)", StringComparison.Ordinal) || noun == "text" ? noun : ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    [GeneratedRegex(@"\bnew\s+(DateOnly|DateTime|TimeSpan|TimeOnly)\s*\(")]
    private static partial Regex NewDate();

    [GeneratedRegex(@"\bis\s+(not\s+)?null\b")]
    private static partial Regex IsNull();

    [GeneratedRegex(@"^No property or field '([^']+)' exists in type '([^']+)'$")]
    private static partial Regex NoField();

    [GeneratedRegex(@"^No applicable method '([^']+)' exists in type '([^']+)'$")]
    private static partial Regex NoMethod();

    [GeneratedRegex(@"^Unknown identifier '([^']+)'$")]
    private static partial Regex UnknownIdentifier();

    [GeneratedRegex(@"^Methods on type '([^']+)' are not accessible$")]
    private static partial Regex NotAccessible();

    [GeneratedRegex(@"'([A-Za-z][A-Za-z0-9_.`\[\]?]*)'")]
    private static partial Regex QuotedType();

    [GeneratedRegex(@"^The binary operator (\w+) is not defined for the types '([^']+)' and '([^']+)'$")]
    private static partial Regex BinaryNotDefined();

    [GeneratedRegex(@"^Operator '([^']+)' incompatible with operand types '([^']+)' and '([^']+)'$")]
    private static partial Regex Incompatible();

    [GeneratedRegex(@"^(.+) is not a valid value for (\w+)\.?( \(Parameter '\w+'\))?$")]
    private static partial Regex NotAValue();
}
