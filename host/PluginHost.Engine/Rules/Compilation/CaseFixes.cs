using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// RulesEngine matches parameter and member names case-insensitively (<c>input1.country</c> finds <c>Country</c>).
/// From the compiler's "no such name" errors, this finds the one name that differs only in case and says how to
/// rewrite it; a name with no such match, or more than one, is left for the compiler to report.
/// </summary>
internal static class CaseFixes
{
    private static readonly string[] NotFound = ["CS0103", "CS1061", "CS0117"];

    public static List<((JsonStringNode, int) Segment, (int Offset, string Text) Fix)> Find(IEnumerable<Diagnostic> errors, SemanticModel model, WorkflowSource source)
    {
        var fixes = new List<((JsonStringNode, int), (int, string))>();
        var root = model.SyntaxTree.GetRoot();
        foreach (var error in errors.Where(e => NotFound.Contains(e.Id)))
        {
            var segment = source.Segments.FirstOrDefault(s => s.Contains(error.Location.SourceSpan.Start));
            if (segment is null || root.FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name)
                continue;
            var candidates = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                ? Members(model, access.Expression)
                : model.LookupSymbols(name.SpanStart).Select(s => s.Name);
            var matches = candidates.Where(c => string.Equals(c, name.Identifier.ValueText, StringComparison.OrdinalIgnoreCase) && c != name.Identifier.ValueText).Distinct().ToList();
            if (matches.Count == 1)
                fixes.Add((segment.Key, (name.Identifier.SpanStart - segment.Start, matches[0])));
        }
        return fixes;
    }

    /// <summary>For a name the compiler does not know: the closest name that exists there, as "did you mean" text, or "".</summary>
    public static string Suggestion(Diagnostic error, SemanticModel model)
    {
        if (!NotFound.Contains(error.Id) || model.SyntaxTree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name)
            return "";
        var candidates = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            ? Members(model, access.Expression)
            : model.LookupSymbols(name.SpanStart).Select(s => s.Name);
        var wanted = name.Identifier.ValueText.ToLowerInvariant();
        var best = candidates.Where(c => !c.StartsWith("__", StringComparison.Ordinal) && !c.StartsWith('<'))
            .Distinct().Select(c => (Name: c, Distance: Model.EditDistance.Between(c.ToLowerInvariant(), wanted)))
            .OrderBy(c => c.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, wanted.Length / 3) ? $"; did you mean '{best.Name}'?" : "";
    }

    private static IEnumerable<string> Members(SemanticModel model, ExpressionSyntax receiver)
    {
        var type = model.GetTypeInfo(receiver).Type ?? model.GetSymbolInfo(receiver).Symbol as ITypeSymbol;
        return type is null ? [] : model.LookupSymbols(receiver.SpanStart, type, includeReducedExtensionMethods: true).Select(s => s.Name);
    }
}
