using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// What a rule expression may refer to: the inputs and the types their properties lead to (read only), and a fixed
/// set of value types and pure functions. Everything else (I/O, reflection, processes, the environment, threads,
/// the plugin's and the host's own classes) is refused at load with the position of the offending name
/// (docs/rules.md, "The allow-list").
/// </summary>
public sealed class AllowList
{
    private static readonly HashSet<string> AllowedTypes =
    [
        "System.Object", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double",
        "System.Decimal", "System.Char", "System.String", "System.DateOnly", "System.DateTime", "System.TimeOnly",
        "System.TimeSpan", "System.DayOfWeek", "System.Math", "System.Nullable`1", "System.StringComparison",
        "System.MidpointRounding", "System.Linq.Enumerable", "System.Collections.Generic.IEnumerable`1",
        "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Generic.List`1",
        "System.Collections.Generic.KeyValuePair`2",
        // Pure functions over spans: C# binds array.Contains(x) to MemoryExtensions.Contains.
        "System.MemoryExtensions",
    ];

    /// <summary>Types a rule may create: values only, none of them with a size to blow up.</summary>
    private static readonly HashSet<string> CreatableTypes = ["System.DateOnly", "System.DateTime", "System.TimeOnly", "System.TimeSpan", "System.Decimal"];

    /// <summary>Members refused even on allowed types: reflection, and sequence generators that can run for ever.</summary>
    private static readonly HashSet<string> RefusedMembers = ["GetType", "MemberwiseClone", "Finalize", "Enumerable.Range", "Enumerable.Repeat"];

    /// <summary>The message of a block lambda: reported only when nothing more specific is wrong with the expression.</summary>
    public const string BlockLambda = "a lambda with a block of statements ({ ... }) is not allowed in rules";

    private readonly HashSet<(string Assembly, string Type)> _readable;

    /// <summary>Allows, besides the fixed set, the input types and every type their public properties and fields lead to.</summary>
    public AllowList(IEnumerable<Type> inputTypes)
    {
        _readable = [];
        foreach (var type in inputTypes)
            AddReadable(type);
    }

    private void AddReadable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
                AddReadable(argument);
            return;
        }
        if (type.Assembly == typeof(object).Assembly || AllowedTypes.Contains(type.FullName ?? "") || !_readable.Add((type.Assembly.GetName().Name!, type.FullName!)))
            return;
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            AddReadable(baseType);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            AddReadable(property.PropertyType);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            AddReadable(field.FieldType);
    }

    /// <summary>Checks one node of consultant text; returns why it is refused, or null.</summary>
    public string? Check(SyntaxNode node, SemanticModel model)
    {
        switch (node)
        {
            case TypeOfExpressionSyntax:
                return "typeof is not allowed in rules (it leads to reflection)";
            case SizeOfExpressionSyntax or PointerTypeSyntax or StackAllocArrayCreationExpressionSyntax or FunctionPointerTypeSyntax:
                return "unsafe code is not allowed in rules";
            case MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax or RefExpressionSyntax:
                return "references (__makeref, ref) are not allowed in rules";
            case AssignmentExpressionSyntax:
                return "a rule cannot assign: it only tests";
            case PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression):
            case PostfixUnaryExpressionSyntax q when q.IsKind(SyntaxKind.PostIncrementExpression) || q.IsKind(SyntaxKind.PostDecrementExpression):
                return "a rule cannot change a value with ++ or --";
            case AnonymousMethodExpressionSyntax:
                return "anonymous methods are not allowed in rules; use a lambda (x => ...)";
            case AwaitExpressionSyntax or ThrowExpressionSyntax:
                return $"'{node}' is not allowed in rules";
            case BlockSyntax:
                return BlockLambda;
            case ArrayCreationExpressionSyntax array when array.Type.RankSpecifiers.Any(r => r.Sizes.Any(s => s is not OmittedArraySizeExpressionSyntax)):
                return "an array of a given size is not allowed in rules; list its items: new[] { 1, 2 }";
            case ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax:
                var created = model.GetTypeInfo(node).Type;
                return created is null || CreatableTypes.Contains(MetadataName(created)) ? null : $"creating a {created.ToDisplayString()} is not allowed in rules";
            case SimpleNameSyntax name:
                return CheckSymbol(name, model);
        }
        return null;
    }

    private string? CheckSymbol(SimpleNameSyntax name, SemanticModel model)
    {
        if (name.Identifier.ValueText == "dynamic" || model.GetTypeInfo(name).Type?.TypeKind == TypeKind.Dynamic)
            return "dynamic is not allowed in rules";
        var info = model.GetSymbolInfo(name);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        switch (symbol)
        {
            case ILocalSymbol or IParameterSymbol when symbol.Name.StartsWith("__", StringComparison.Ordinal):
                return $"'{symbol.Name}' is the host's own name; names starting with __ are not allowed in rules";
            case null or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or INamespaceSymbol or IDiscardSymbol:
                return null;
            case ITypeSymbol type:
                return IsAllowed(type) ? null : $"'{type.ToDisplayString()}' is not allowed in rules";
            case IMethodSymbol method:
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                if (definition.ContainingType is { } owner && IsReadable(owner))
                    return $"calling '{owner.ToDisplayString()}.{method.Name}' is not allowed in rules: the inputs are read through their fields";
                return MemberCheck(definition.ContainingType, method.Name);
            default:
                return MemberCheck(symbol.ContainingType, symbol.Name);
        }
    }

    private string? MemberCheck(INamedTypeSymbol? containing, string member)
    {
        if (containing is null)
            return null;
        if (RefusedMembers.Contains(member))
            return $"'{member}' is not allowed in rules (it leads to reflection)";
        if (RefusedMembers.Contains($"{containing.Name}.{member}"))
            return $"'{containing.ToDisplayString()}.{member}' can run for ever and is not allowed in rules";
        return IsAllowed(containing) ? null : $"'{containing.ToDisplayString()}.{member}' is not allowed in rules";
    }

    private bool IsAllowed(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsAllowed(array.ElementType);
            case INamedTypeSymbol { IsTupleType: true } tuple:
                return tuple.TupleElements.All(e => IsAllowed(e.Type));
            case INamedTypeSymbol { IsAnonymousType: true }:
                return true;
            case ITypeParameterSymbol:
                return true;
            case INamedTypeSymbol named:
                var definition = named.OriginalDefinition;
                var allowed = AllowedTypes.Contains(MetadataName(definition))
                              || (definition.ContainingAssembly is { } assembly && _readable.Contains((assembly.Name, MetadataName(definition))));
                return allowed && named.TypeArguments.All(IsAllowed);
            default:
                return false;
        }
    }

    /// <summary>True for an input type or a type its properties lead to (not one of the fixed framework types).</summary>
    private bool IsReadable(INamedTypeSymbol type) =>
        type.OriginalDefinition.ContainingAssembly is { } assembly && _readable.Contains((assembly.Name, MetadataName(type)));

    private static string MetadataName(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var name = definition.ContainingType is { } outer ? $"{MetadataName(outer)}+{definition.MetadataName}" : definition.MetadataName;
        return definition.ContainingType is null && definition.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{name}" : name;
    }
}
