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

    /// <summary>Rewrites a parser message about <paramref name="text"/> at <paramref name="offset"/>.</summary>
    public string Explain(string message, string text, int offset, ExpressionScope scope, Type? actualType)
    {
        message = message.TrimEnd('.');
        return Plain(message, text, offset, scope, actualType) + CSharpHabit(text);
    }

    /// <summary>
    /// A hint for C# written where RulesEngine's language differs: the parser's own message about it says little.
    /// </summary>
    private static string CSharpHabit(string text) =>
        NewDate().IsMatch(text) ? ". RulesEngine's language creates a date without new: DateOnly(2026, 11, 1)"
        : IsNull().IsMatch(text) ? ". RulesEngine's language has no 'is null' pattern: write == null or != null"
        : text.Contains("?.", StringComparison.Ordinal) ? ""
        : text.Contains("$\"", StringComparison.Ordinal) ? ". RulesEngine's language has no $\"...\" strings: join with +"
        : "";

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
        return QuotedType().Replace(message, m => $"'{Friendly(m.Groups[1].Value)}'");
    }

    private string UnknownMember(string member, string typeName, string text, int offset, string what, Func<Type, IEnumerable<string>> membersOf)
    {
        var receiver = ExpressionText.ReceiverBefore(text, offset) ?? Friendly(typeName);
        var input = _typesByName.GetValueOrDefault(typeName);
        var type = input ?? FrameworkType(typeName);
        var known = type is null ? [] : membersOf(type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var hint = Nearest(member, known) is { } nearest ? $"; did you mean '{nearest}'?" : "";
        // The fields of an input are the consultant's vocabulary; the members of text or a number are not worth a list.
        var list = input is not null && known.Count is > 0 and <= 60 ? $" ({what}s: {string.Join(", ", known)})" : "";
        return $"{receiver} has no {what} '{member}'{hint}{list}";
    }

    /// <summary>The known name closest to a misspelt one: few edits apart, or sharing most of its beginning (DocumentNumber, DocumentNo).</summary>
    private static string? Nearest(string wanted, IEnumerable<string> known)
    {
        var lower = wanted.ToLowerInvariant();
        return known.Select(k => (Name: k, Distance: EditDistance.Between(k.ToLowerInvariant(), lower), Prefix: CommonPrefix(k.ToLowerInvariant(), lower)))
            .Where(k => k.Distance <= Math.Max(2, wanted.Length / 3) || k.Prefix >= Math.Max(4, (int)(0.6 * Math.Min(k.Name.Length, wanted.Length))))
            .OrderBy(k => k.Distance).ThenByDescending(k => k.Prefix).Select(k => k.Name).FirstOrDefault();
    }

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        return i;
    }

    private static string UnknownName(string name, ExpressionScope scope)
    {
        var hint = Nearest(name, scope.Names) is { } nearest ? $"; did you mean '{nearest}'?" : "";
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

    private string Friendly(string typeName) => typeName switch
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

    [GeneratedRegex(@"'([A-Za-z][A-Za-z0-9`\[\]]*)'")]
    private static partial Regex QuotedType();
}
