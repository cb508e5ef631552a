using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Compiles a workflow with Roslyn into one delegate, after checking every expression against the limits and
/// the <see cref="AllowList"/>. Problems point at the line and column inside the rule file.
/// </summary>
public static class RuleCompiler
{
    /// <summary>Longest expression accepted, in characters.</summary>
    public const int MaxExpressionLength = 2000;

    /// <summary>Deepest syntax nesting accepted in one expression.</summary>
    public const int MaxNestingDepth = 48;

    /// <summary>
    /// Compiles the workflow <paramref name="workflowName"/> of <paramref name="file"/> against the inputs a plugin
    /// declares. The compiled code is loaded into <paramref name="loadContext"/>, the plugin's own, where the input
    /// types live.
    /// </summary>
    public static (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) Compile(
        RuleFile file, string workflowName, IReadOnlyList<RuleInput> inputs, AssemblyLoadContext loadContext)
    {
        var problems = new List<Problem>();
        var workflow = file.Workflows.FirstOrDefault(w => string.Equals(w.Name, workflowName, StringComparison.OrdinalIgnoreCase))
                       ?? (file.Workflows.Count == 1 ? file.Workflows[0] : null);
        if (workflow is null)
            return (null, [Problem.Error("RULE010", $"the file has no workflow named '{workflowName}' (it has {string.Join(", ", file.Workflows.Select(w => w.Name))})", new SourceLocation { File = file.Path })]);

        var rules = WithInjected(file, workflow, problems);
        var source = WorkflowSource.Generate(workflow.GlobalParams, rules, inputs);
        CheckLimits(file, workflow, source, problems);
        if (problems.HasErrors())
            return (null, problems);

        var inputAssemblies = inputs.Select(i => i.Type.Assembly).Append(typeof(IPostingPlugin).Assembly).Distinct().ToList();
        var references = FrameworkReferences.Get()
            .Concat(inputAssemblies.Concat(inputAssemblies.SelectMany(ReferencedFiles)).Append(typeof(RuleRun).Assembly)
                .Select(a => a.Location).Where(l => l.Length > 0).Distinct().Select(l => MetadataReference.CreateFromFile(l)))
            .ToList();
        var tree = CSharpSyntaxTree.ParseText(source.Code, new CSharpParseOptions(LanguageVersion.Latest));
        var assemblyName = $"PluginHost.Rules.{workflow.Name}.{file.Sha256[..16]}.{Guid.NewGuid():N}";
        var compilation = CSharpCompilation.Create(assemblyName, [tree], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, checkOverflow: true));

        var located = new RuleLocator(file, workflow, source);
        foreach (var diagnostic in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            problems.Add(located.Problem(diagnostic));
        if (problems.HasErrors())
            return (null, problems);

        var model = compilation.GetSemanticModel(tree);
        var allowList = new AllowList(inputAssemblies);
        var root = tree.GetRoot();
        foreach (var segment in source.Segments)
        {
            // The first refusal of an expression is reported: "System.IO.File.Exists" is one problem, not two.
            var refusal = root.DescendantNodes(new Microsoft.CodeAnalysis.Text.TextSpan(segment.Start, segment.Length))
                .Where(n => n.SpanStart >= segment.Start && n.Span.End <= segment.Start + segment.Length)
                .Select(n => (Node: n, Reason: allowList.Check(n, model)))
                .FirstOrDefault(x => x.Reason is not null);
            if (refusal.Reason is not null)
                problems.Add(located.Problem("RULE030", refusal.Reason, segment, refusal.Node.SpanStart));
        }
        if (problems.HasErrors())
            return (null, problems);

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
            return (null, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(located.Problem).ToList());
        image.Position = 0;
        var assembly = loadContext.LoadFromStream(image);
        var method = assembly.GetType($"{WorkflowSource.Namespace}.{WorkflowSource.ClassName}")!.GetMethod(WorkflowSource.MethodName)!;
        var evaluate = method.CreateDelegate<Action<object?[], RuleRun>>();
        return (new CompiledWorkflow(workflow.Name, file, source.Rules, source.Messages, source.TopLevel, evaluate), problems);
    }

    private static IEnumerable<Assembly> ReferencedFiles(Assembly assembly)
    {
        var context = AssemblyLoadContext.GetLoadContext(assembly) ?? AssemblyLoadContext.Default;
        foreach (var name in assembly.GetReferencedAssemblies())
        {
            Assembly? loaded = null;
            try
            {
                loaded = context.LoadFromAssemblyName(name);
            }
            catch (FileNotFoundException)
            {
                // A reference the plugin never loads; the compiler will say so if an expression needs it.
            }
            if (loaded is not null)
                yield return loaded;
        }
    }

    /// <summary>The workflow's rules followed by those of the workflows it injects, in order.</summary>
    private static List<RuleDefinition> WithInjected(RuleFile file, WorkflowDefinition workflow, List<Problem> problems)
    {
        var rules = workflow.Rules.ToList();
        foreach (var name in workflow.WorkflowsToInject)
        {
            var injected = file.Workflows.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
            if (injected is null || injected == workflow)
                problems.Add(Problem.Error("RULE011", $"workflow '{workflow.Name}' injects '{name}', which is not a workflow of this file", SourceLocation.InText(file.Path, workflow.Position.Line, workflow.Position.Column)));
            else
                rules.AddRange(injected.Rules);
        }
        return rules;
    }

    private static void CheckLimits(RuleFile file, WorkflowDefinition workflow, WorkflowSource source, List<Problem> problems)
    {
        var located = new RuleLocator(file, workflow, source);
        foreach (var segment in source.Segments)
        {
            if (segment.Length > MaxExpressionLength)
            {
                problems.Add(located.Problem("RULE031", $"the expression of '{segment.Owner}' is {segment.Length} characters long; at most {MaxExpressionLength} are allowed", segment, segment.Start));
                continue;
            }
            var text = segment.Node.Value.Substring(segment.NodeOffset, segment.Length);
            var depth = Depth(SyntaxFactory.ParseExpression(text));
            if (depth > MaxNestingDepth)
                problems.Add(located.Problem("RULE032", $"the expression of '{segment.Owner}' nests {depth} levels deep; at most {MaxNestingDepth} are allowed", segment, segment.Start));
        }
    }

    private static int Depth(SyntaxNode node)
    {
        var deepest = 0;
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((node, 1));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in current.ChildNodes())
                stack.Push((child, depth + 1));
        }
        return deepest;
    }
}
