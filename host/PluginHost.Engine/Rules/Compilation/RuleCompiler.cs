using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Json;
using PluginHost.Engine.Rules.Model;
using PluginHost.Engine.Rules.Runtime;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Compiles a workflow with Roslyn into one delegate, after checking every expression against the limits and
/// the <see cref="AllowList"/>. Problems point at the line and column inside the rule file. With a
/// <see cref="RuleCache"/>, a workflow compiled before is loaded from disk instead.
/// </summary>
public static class RuleCompiler
{
    /// <summary>Longest expression accepted, in characters.</summary>
    public const int MaxExpressionLength = 2000;

    /// <summary>Deepest syntax nesting accepted in one expression.</summary>
    public const int MaxNestingDepth = 48;

    /// <summary>How many times names whose case differs are corrected and the code compiled again.</summary>
    private const int CaseFixRounds = 4;

    /// <summary>
    /// Compiles the workflow <paramref name="workflowName"/> of <paramref name="file"/> (the only one, if the file holds
    /// one) against the inputs a plugin declares. The code is loaded into <paramref name="loadContext"/>, the plugin's
    /// own, where the input types live.
    /// </summary>
    public static (CompiledWorkflow? Workflow, IReadOnlyList<Problem> Problems) Compile(
        RuleFile file, string workflowName, IReadOnlyList<RuleInput> inputs, AssemblyLoadContext loadContext, RuleCache? cache = null)
    {
        var problems = new List<Problem>();
        var workflow = file.Workflows.FirstOrDefault(w => string.Equals(w.Name, workflowName, StringComparison.OrdinalIgnoreCase))
                       ?? (file.Workflows.Count == 1 ? file.Workflows[0] : null);
        if (workflow is null)
            return (null, [Problem.Error("RULE010", $"the file has no workflow named '{workflowName}' (it has {string.Join(", ", file.Workflows.Select(w => w.Name))})", new SourceLocation { File = file.Path })]);

        var (globals, rules) = WithInjected(file, workflow, problems);
        // Only a file that passed every check is ever cached, and the key holds its hash: a hit needs no checks again.
        var key = cache is null || problems.HasErrors() ? null : RuleCache.Key(file.Sha256, workflow.Name, inputs);
        if (key is not null && cache!.TryRead(key) is { } cached && Load(cached, loadContext) is { } fromCache)
            return (new CompiledWorkflow(workflow.Name, file, WorkflowSource.Structure(globals, rules, inputs), fromCache, fromCache: true), problems);

        CheckScopes(file, workflow, inputs, globals, rules, problems);
        var source = WorkflowSource.Generate(globals, rules, inputs);
        var broken = CheckLimits(file, workflow, source, problems);
        if (problems.HasErrors())
        {
            // Every problem at once: the texts that passed are still compiled and judged, the broken ones stand in as
            // neutral values. A broken parameter is not replaced (others use its type), so then the compiler is not asked.
            if (broken.Any(s => s.Kind == SegmentKind.Parameter))
                return (null, problems);
            var reported = problems.Select(p => p.Where.Rule).ToHashSet(StringComparer.Ordinal);
            var (_, more) = Build(file, workflow, globals, rules, inputs, broken.Select(s => s.Key).ToHashSet());
            // Problems in generated code, or of a rule already reported, follow from those reported: left out.
            return (null, [.. problems, .. more.Where(p => p.Where.Rule is not null && !reported.Contains(p.Where.Rule))]);
        }

        var (image, compileProblems) = Build(file, workflow, globals, rules, inputs);
        if (image is null)
            return (null, compileProblems);
        var evaluate = Load(image, loadContext) ?? throw new InvalidOperationException("the compiled rules did not load");
        if (key is not null)
            cache!.Write(key, image);
        return (new CompiledWorkflow(workflow.Name, file, source, evaluate, fromCache: false), problems);
    }

    /// <summary>Compiles, correcting the case of names RulesEngine would have matched, and checks the allow-list.</summary>
    private static (byte[]? Image, IReadOnlyList<Problem> Problems) Build(RuleFile file, WorkflowDefinition workflow, IReadOnlyList<ScopedParam> globals, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<RuleInput> inputs,
        IReadOnlySet<(JsonStringNode, int)>? blanked = null)
    {
        var inputAssemblies = inputs.Select(i => i.Type.Assembly).Append(typeof(IPostingPlugin).Assembly).Distinct().ToList();
        var references = FrameworkReferences.Get()
            .Concat(inputAssemblies.Concat(inputAssemblies.SelectMany(ReferencedFiles)).Append(typeof(RuleRun).Assembly)
                .Select(a => a.Location).Where(l => l.Length > 0).Distinct().Select(l => MetadataReference.CreateFromFile(l)))
            .ToList();
        var fixes = new Dictionary<(JsonStringNode, int), IReadOnlyList<(int Offset, string Text)>>();
        for (var round = 0; ; round++)
        {
            var source = WorkflowSource.Generate(globals, rules, inputs, fixes, blanked);
            var tree = CSharpSyntaxTree.ParseText(source.Code, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create($"PluginHost.Rules.{workflow.Name}.{file.Sha256[..16]}", [tree], references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, checkOverflow: true, deterministic: true));
            var located = new RuleLocator(file, workflow, source);
            var model = compilation.GetSemanticModel(tree);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                if (round < CaseFixRounds && CaseFixes.Find(errors, model, source) is { Count: > 0 } found)
                {
                    foreach (var (segmentKey, fix) in found)
                        fixes[segmentKey] = [.. (fixes.GetValueOrDefault(segmentKey) ?? []), fix];
                    continue;
                }
                // Every problem at once: the allow-list still judges the expressions that did compile.
                var broken = errors.Select(e => source.Segments.FirstOrDefault(s => s.Contains(e.Location.SourceSpan.Start))).ToHashSet();
                return (null, [.. errors.Select(e => located.Problem(e, CaseFixes.Suggestion(e, model))), .. Refusals(source, tree, model, inputs, located, broken)]);
            }

            var refusals = Refusals(source, tree, model, inputs, located, new HashSet<SourceSegment?>());
            if (refusals.Count > 0)
                return (null, refusals);

            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            if (!emitted.Success)
                return (null, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(located.Problem).ToList());
            return (image.ToArray(), []);
        }
    }

    /// <summary>The first allow-list refusal of each segment not in <paramref name="skip"/>.</summary>
    private static List<Problem> Refusals(WorkflowSource source, SyntaxTree tree, SemanticModel model, IReadOnlyList<RuleInput> inputs, RuleLocator located, IReadOnlySet<SourceSegment?> skip)
    {
        var allowList = new AllowList(inputs.Select(i => i.Type));
        var root = tree.GetRoot();
        var refusals = new List<Problem>();
        foreach (var segment in source.Segments.Where(s => !skip.Contains(s)))
        {
            // One refusal per expression ("System.IO.File.Exists" is one problem, not two), the most specific first.
            var refusal = root.DescendantNodes(new Microsoft.CodeAnalysis.Text.TextSpan(segment.Start, segment.Length))
                .Where(n => n.SpanStart >= segment.Start && n.Span.End <= segment.Start + segment.Length)
                .Select(n => (Node: n, Reason: allowList.Check(n, model)))
                .Where(x => x.Reason is not null)
                .OrderBy(x => x.Reason == AllowList.BlockLambda ? 1 : 0)
                .FirstOrDefault();
            if (refusal.Reason is not null)
                refusals.Add(located.Problem("RULE030", refusal.Reason, segment, refusal.Node.SpanStart));
        }
        return refusals;
    }

    /// <summary>Loads a compiled image and binds its method; null when the image is not a valid rule assembly.</summary>
    private static Action<object?[], RuleRun>? Load(byte[] image, AssemblyLoadContext loadContext)
    {
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            var assembly = new RuleLoadContext(loadContext).LoadFromStream(stream);
            var method = assembly.GetType($"{WorkflowSource.Namespace}.{WorkflowSource.ClassName}")?.GetMethod(WorkflowSource.MethodName);
            return method?.CreateDelegate<Action<object?[], RuleRun>>();
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or ArgumentException or TypeLoadException or MissingMethodException)
        {
            return null;
        }
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
                // A reference the plugin never loads; the compiler says so if an expression needs it.
            }
            if (loaded is not null)
                yield return loaded;
        }
    }

    /// <summary>
    /// The workflow's GlobalParams and rules, followed by those of the workflows it injects (and they inject), in
    /// order; a GlobalParam the workflow defines itself wins over an injected one of the same name.
    /// </summary>
    private static (List<ScopedParam> Globals, List<RuleDefinition> Rules) WithInjected(RuleFile file, WorkflowDefinition workflow, List<Problem> problems)
    {
        var globals = workflow.GlobalParams.ToList();
        var rules = workflow.Rules.ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { workflow.Name };
        var pending = new Queue<(WorkflowDefinition From, string Name)>(workflow.WorkflowsToInject.Select(n => (workflow, n)));
        while (pending.Count > 0)
        {
            var (from, name) = pending.Dequeue();
            var injected = file.Workflows.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
            if (injected is null)
            {
                problems.Add(Problem.Error("RULE011", $"workflow '{from.Name}' injects '{name}', which is not a workflow of this file", SourceLocation.InText(file.Path, from.Position.Line, from.Position.Column)));
                continue;
            }
            if (injected == workflow && from == workflow)
            {
                problems.Add(Problem.Error("RULE011", $"workflow '{workflow.Name}' injects itself", SourceLocation.InText(file.Path, workflow.Position.Line, workflow.Position.Column)));
                continue;
            }
            if (!seen.Add(injected.Name))
                continue; // injected already: a cycle through other workflows adds nothing twice
            globals.AddRange(injected.GlobalParams.Where(g => !globals.Any(x => string.Equals(x.Name, g.Name, StringComparison.OrdinalIgnoreCase))));
            rules.AddRange(injected.Rules);
            foreach (var next in injected.WorkflowsToInject)
                pending.Enqueue((injected, next));
        }
        foreach (var clash in rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(Problem.Error("RULE005", $"rule name '{clash.Key}' is used by more than one of the injected workflows", SourceLocation.InText(file.Path, clash.Last().Position.Line, clash.Last().Position.Column)));
        return (globals, rules);
    }

    /// <summary>
    /// A parameter may not hide a name already in scope: an input (or input1, input2 ...), a GlobalParam, or a LocalParam
    /// of an enclosing rule. Checked over the workflow with its injected rules, each problem at the parameter.
    /// </summary>
    private static void CheckScopes(RuleFile file, WorkflowDefinition workflow, IReadOnlyList<RuleInput> inputs, IReadOnlyList<ScopedParam> globals, IReadOnlyList<RuleDefinition> rules, List<Problem> problems)
    {
        var inScope = inputs.Select(i => (i.Name, What: "an input")).Concat(inputs.Select((_, i) => ($"input{i + 1}", What: "an input"))).ToList();
        foreach (var global in globals)
        {
            if (Clash(inScope, global.Name) is { } what)
                problems.Add(HidesProblem(file, workflow, global, what));
            inScope.Add((global.Name, "a GlobalParam"));
        }
        foreach (var rule in rules)
            CheckRuleScope(file, workflow, rule, inScope, problems);
    }

    private static void CheckRuleScope(RuleFile file, WorkflowDefinition workflow, RuleDefinition rule, List<(string Name, string What)> enclosing, List<Problem> problems)
    {
        var inScope = enclosing.ToList();
        foreach (var local in rule.LocalParams)
        {
            if (Clash(inScope, local.Name) is { } what)
                problems.Add(HidesProblem(file, workflow, local, what));
            inScope.Add((local.Name, $"a LocalParam of rule '{rule.Name}'"));
        }
        foreach (var nested in rule.Rules)
            CheckRuleScope(file, workflow, nested, inScope, problems);
    }

    private static string? Clash(List<(string Name, string What)> inScope, string name) =>
        inScope.Where(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)).Select(x => x.What).FirstOrDefault();

    private static Problem HidesProblem(RuleFile file, WorkflowDefinition workflow, ScopedParam parameter, string what) =>
        Problem.Error("RULE005", $"parameter name '{parameter.Name}' is already the name of {what}; choose another",
            new SourceLocation { File = file.Path, Workflow = workflow.Name, Rule = parameter.Name, Line = parameter.Expression.Position.Line, Position = parameter.Expression.Position.Column });


    /// <summary>Checks each text alone (length, one expression, nesting); returns the segments found broken.</summary>
    private static List<SourceSegment> CheckLimits(RuleFile file, WorkflowDefinition workflow, WorkflowSource source, List<Problem> problems)
    {
        var located = new RuleLocator(file, workflow, source);
        var broken = new List<SourceSegment>();
        foreach (var segment in source.Segments)
        {
            if (segment.OriginalLength > MaxExpressionLength)
            {
                problems.Add(located.Problem("RULE031", $"the expression of '{segment.Owner}' is {segment.OriginalLength} characters long; at most {MaxExpressionLength} are allowed", segment, segment.Start));
                broken.Add(segment);
                continue;
            }
            var parsed = SyntaxFactory.ParseExpression(segment.Translation.Text);
            if (parsed.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } syntax)
            {
                // Parsed alone, so that text after the expression ("true); return; //") cannot become code of its own.
                problems.Add(located.Problem("RULE020", $"{located.Describe(segment)}: the text is not one C# expression: {syntax.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} [{syntax.Id}]", segment, segment.Start + syntax.Location.SourceSpan.Start));
                broken.Add(segment);
                continue;
            }
            var depth = Depth(parsed);
            if (depth > MaxNestingDepth)
            {
                problems.Add(located.Problem("RULE032", $"the expression of '{segment.Owner}' nests {depth} levels deep; at most {MaxNestingDepth} are allowed", segment, segment.Start));
                broken.Add(segment);
            }
        }
        return broken;
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
