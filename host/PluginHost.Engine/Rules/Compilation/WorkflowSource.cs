using System.Text;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Rules.Json;
using PluginHost.Engine.Rules.Model;

namespace PluginHost.Engine.Rules.Compilation;

/// <summary>
/// Generates the C# of one workflow: a single static method that evaluates every rule on one line's inputs.
/// GlobalParams are computed once per line; each rule runs in its own try block, so a rule that throws is a
/// failure of that rule only (docs/rules.md). Consultant text passes through <see cref="RulesEngineDialect"/>
/// and is recorded as a <see cref="SourceSegment"/> so that compiler messages point into the rule file.
/// </summary>
public sealed class WorkflowSource
{
    /// <summary>Namespace of the generated class.</summary>
    public const string Namespace = "PluginHost.GeneratedRules";

    /// <summary>Name of the generated class.</summary>
    public const string ClassName = "Workflow";

    /// <summary>Name of the generated method.</summary>
    public const string MethodName = "Evaluate";

    private readonly StringBuilder _code = new();
    private readonly List<SourceSegment> _segments = [];
    private readonly List<RuleDefinition> _rules = [];
    private readonly List<MessageTemplate> _messages = [];
    private readonly List<int> _topLevel = [];
    private readonly IReadOnlyList<ScopedParam> _globals;
    private readonly IReadOnlyList<RuleInput> _inputs;
    private readonly IReadOnlyDictionary<(JsonStringNode, int), IReadOnlyList<(int Offset, string Text)>> _fixes;
    private readonly bool _withCode;
    private readonly IReadOnlySet<(JsonStringNode, int)> _blanked;

    private WorkflowSource(IReadOnlyList<ScopedParam> globals, IReadOnlyList<RuleInput> inputs, IReadOnlyDictionary<(JsonStringNode, int), IReadOnlyList<(int Offset, string Text)>> fixes, bool withCode,
        IReadOnlySet<(JsonStringNode, int)>? blanked = null)
    {
        _globals = globals;
        _inputs = inputs;
        _fixes = fixes;
        _withCode = withCode;
        _blanked = blanked ?? new HashSet<(JsonStringNode, int)>();
    }

    /// <summary>The generated code.</summary>
    public string Code => _code.ToString();

    /// <summary>Consultant text inside the code.</summary>
    public IReadOnlyList<SourceSegment> Segments => _segments;

    /// <summary>Every enabled rule, nested ones included, in the numbering the code uses.</summary>
    public IReadOnlyList<RuleDefinition> Rules => _rules;

    /// <summary>The message of each rule, by number.</summary>
    public IReadOnlyList<MessageTemplate> Messages => _messages;

    /// <summary>Numbers of the top-level rules: the outcomes reported per line.</summary>
    public IReadOnlyList<int> TopLevel => _topLevel;

    /// <summary>
    /// Generates the code for the given rules (a workflow's own and those of workflows it injects). <paramref name="fixes"/>
    /// rewrite identifiers whose case differs from the member they name (RulesEngine matches names case-insensitively).
    /// </summary>
    public static WorkflowSource Generate(IReadOnlyList<ScopedParam> globals, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<RuleInput> inputs,
        IReadOnlyDictionary<(JsonStringNode, int), IReadOnlyList<(int Offset, string Text)>>? fixes = null, IReadOnlySet<(JsonStringNode, int)>? blanked = null)
    {
        var source = new WorkflowSource(globals, inputs, fixes ?? new Dictionary<(JsonStringNode, int), IReadOnlyList<(int Offset, string Text)>>(), withCode: true, blanked);
        source.Emit(rules);
        return source;
    }

    /// <summary>
    /// Only the numbering of rules and their messages, without code: what a workflow loaded from the cache needs. It
    /// touches no compiler, so a cached load stays fast in a fresh process.
    /// </summary>
    public static WorkflowSource Structure(IReadOnlyList<ScopedParam> globals, IReadOnlyList<RuleDefinition> rules, IReadOnlyList<RuleInput> inputs)
    {
        var source = new WorkflowSource(globals, inputs, new Dictionary<(JsonStringNode, int), IReadOnlyList<(int Offset, string Text)>>(), withCode: false);
        source.Emit(rules);
        return source;
    }

    private void Emit(IReadOnlyList<RuleDefinition> rules)
    {
        Line("#nullable disable");
        Line("using System;");
        Line("using System.Linq;");
        Line("using System.Collections.Generic;");
        Line($"namespace {Namespace};");
        Line($"public static class {ClassName}");
        Line("{");
        Line($"    public static void {MethodName}(object[] __inputs, global::{typeof(Runtime.RuleRun).FullName} __run)");
        Line("    {");
        for (var i = 0; i < _inputs.Count; i++)
        {
            Line($"        var {_inputs[i].Name} = ({TypeName(_inputs[i].Type)})__inputs[{i}];");
            if (_inputs[i].Name != $"input{i + 1}")
                Line($"        var input{i + 1} = {_inputs[i].Name};");
        }
        Line("        string __global = null;");
        Line("        try");
        Line("        {");
        foreach (var global in _globals)
        {
            Line($"            __global = \"{global.Name}\";");
            Declare("            ", global);
        }
        foreach (var rule in rules.Where(r => r.Enabled))
            _topLevel.Add(EmitRule(rule, "            "));
        Line("        }");
        Line("        catch (global::System.Exception __x) { __run.GlobalThrew(__global, __x); }");
        Line("    }");
        Line("}");
    }

    /// <summary>Emits one rule (and its nested rules); returns its number.</summary>
    private int EmitRule(RuleDefinition rule, string indent)
    {
        var number = _rules.Count;
        _rules.Add(rule);
        var message = MessageTemplate.Parse(rule);
        _messages.Add(message);

        Line($"{indent}bool __r{number} = false;");
        Line($"{indent}{{");
        Line($"{indent}    global::System.Exception __e{number} = null;");
        Line($"{indent}    try");
        Line($"{indent}    {{");
        foreach (var local in rule.LocalParams)
            Declare(indent + "        ", local);
        var children = rule.Rules.Where(r => r.Enabled).ToList();
        if (children.Count > 0)
        {
            var numbers = children.Select(child => EmitRule(child, indent + "        ")).ToList();
            var isOr = rule.Operator is { } op && op.StartsWith("Or", StringComparison.OrdinalIgnoreCase);
            Line($"{indent}        __r{number} = {string.Join(isOr ? " || " : " && ", numbers.Select(n => $"__r{n}"))};");
        }
        else if (string.IsNullOrWhiteSpace(rule.Expression?.Value))
            Line($"{indent}        __r{number} = false; // no Expression: reported when the file was read");
        else
        {
            Append($"{indent}        __r{number} = (");
            Segment(rule.Expression!, 0, rule.Expression!.Value.Length, rule.Name, SegmentKind.RuleExpression);
            Line(");");
        }
        Line($"{indent}    }}");
        Line($"{indent}    catch (global::System.Exception __x{number}) {{ __e{number} = __x{number}; }}");
        Line($"{indent}    if (__r{number})");
        Line($"{indent}    {{");
        Line($"{indent}        __run.Pass({number});");
        EmitAction(rule.OnSuccess, rule.Name, number, indent + "        ");
        Line($"{indent}    }}");
        Line($"{indent}    else");
        Line($"{indent}    {{");
        var values = new List<string>();
        for (var i = 0; i < message.Placeholders.Count; i++)
        {
            var placeholder = message.Placeholders[i];
            var value = $"__m{number}_{i}";
            Append($"{indent}        object {value}; try {{ {value} = (object)(");
            Segment(placeholder.Source, placeholder.Start, placeholder.Length, rule.Name, SegmentKind.MessagePath);
            Line($"); }} catch (global::System.Exception __x) {{ {value} = __x; }}");
            values.Add(value);
        }
        Line($"{indent}        __run.Fail({number}, {(values.Count == 0 ? "global::System.Array.Empty<object>()" : $"new object[] {{ {string.Join(", ", values)} }}")}, __e{number});");
        EmitAction(rule.OnFailure, rule.Name, number, indent + "        ");
        Line($"{indent}    }}");
        Line($"{indent}}}");
        return number;
    }

    private void EmitAction(RuleAction? action, string rule, int number, string indent)
    {
        if (action is null)
            return;
        Append($"{indent}{{ object __o; try {{ __o = (object)(");
        Segment(action.Expression, 0, action.Expression.Value.Length, rule, SegmentKind.Action);
        Line($"); }} catch (global::System.Exception __x) {{ __o = __x; }} __run.Output({number}, __o); }}");
    }

    private void Declare(string indent, ScopedParam parameter)
    {
        Append($"{indent}var {parameter.Name} = (");
        Segment(parameter.Expression, 0, parameter.Expression.Value.Length, parameter.Name, SegmentKind.Parameter);
        Line(");");
    }

    private void Segment(JsonStringNode node, int start, int length, string owner, SegmentKind kind)
    {
        if (!_withCode)
            return;
        // A text already reported as broken is compiled as a neutral value, so the others can still be judged.
        var written = _blanked.Contains((node, start))
            ? kind switch { SegmentKind.RuleExpression => "false", SegmentKind.MessagePath => "\"\"", _ => "(object)null" }
            : node.Value.Substring(start, length);
        var translation = RulesEngineDialect.Translate(written);
        if (_fixes.TryGetValue((node, start), out var fixes))
        {
            var chars = translation.Text.ToCharArray();
            foreach (var (offset, text) in fixes)
                text.CopyTo(0, chars, offset, text.Length);
            translation = translation with { Text = new string(chars) };
        }
        _segments.Add(new SourceSegment(_code.Length, node, start, length, translation, owner, kind));
        _code.Append(translation.Text);
    }

    private void Append(string text)
    {
        if (_withCode)
            _code.Append(text);
    }

    private void Line(string text)
    {
        if (_withCode)
            _code.Append(text).Append('\n');
    }

    /// <summary>The C# spelling of a type, fully qualified so no consultant name can shadow it.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsGenericType)
        {
            var name = type.GetGenericTypeDefinition().FullName!;
            name = name[..name.IndexOf('`', StringComparison.Ordinal)];
            return $"global::{name.Replace('+', '.')}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
        }
        return $"global::{type.FullName!.Replace('+', '.')}";
    }
}
