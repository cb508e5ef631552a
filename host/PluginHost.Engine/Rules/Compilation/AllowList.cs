using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// What a rule expression may refer to: the inputs and their members, and a fixed set of value types and
/// pure functions. Everything else (I/O, reflection, processes, the environment, threads, the host's own
/// types) is refused at load with the position of the offending name (docs/rules.md).
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
    ];

    /// <summary>Members refused even on allowed types: they lead to reflection.</summary>
    private static readonly HashSet<string> RefusedMembers = ["GetType", "MemberwiseClone", "Finalize"];

    private readonly HashSet<string> _allowedAssemblies;

    /// <summary>Allows, besides the fixed set, every public type of the given assemblies (the plugin and the contract).</summary>
    public AllowList(IEnumerable<Assembly> inputAssemblies) =>
        _allowedAssemblies = inputAssemblies.Select(a => a.GetName().Name!).ToHashSet(StringComparer.Ordinal);

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
            case BaseObjectCreationExpressionSyntax creation:
                var created = model.GetTypeInfo(creation).Type;
                return created is null || IsAllowed(created) ? null : $"creating a {created.ToDisplayString()} is not allowed in rules";
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
            case null or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or INamespaceSymbol or IDiscardSymbol:
                return null;
            case ITypeSymbol type:
                return IsAllowed(type) ? null : $"'{type.ToDisplayString()}' is not allowed in rules";
            case IMethodSymbol method:
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
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
                var metadataName = definition.ContainingNamespace is { IsGlobalNamespace: false } ns
                    ? $"{ns.ToDisplayString()}.{MetadataNameOf(definition)}"
                    : MetadataNameOf(definition);
                var allowed = AllowedTypes.Contains(metadataName)
                              || (definition.ContainingAssembly is { } assembly && _allowedAssemblies.Contains(assembly.Name) && definition.DeclaredAccessibility == Accessibility.Public);
                return allowed && named.TypeArguments.All(IsAllowed);
            default:
                return false;
        }
    }

    private static string MetadataNameOf(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? $"{MetadataNameOf(outer)}+{type.MetadataName}" : type.MetadataName;
}
