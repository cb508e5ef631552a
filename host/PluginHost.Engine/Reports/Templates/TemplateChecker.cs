using PluginHost.Engine.Problems;
using PluginHost.Engine.Rules.Model;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// Checks a parsed template against the report model before any batch is rendered with it: every name and field it
/// reads, every label, partial and picture it names, and what it may not do (change the model, import objects). All
/// problems come at once, at their line and column, with the nearest name that exists ("'Usr' is not in the report
/// model; did you mean 'Batch.User'?"). What a template computes itself is not checked further; a render still stops on
/// a name it lacks (<see cref="ReportTemplateContext"/>).
/// </summary>
internal sealed class TemplateChecker : ScriptVisitor
{
    private static readonly RecordShape Root = ModelShape.Model;
    private static readonly string[] LoopObjects = ["for", "while", "tablerow"];

    private readonly ParsedTemplate _template;
    private readonly TemplateSet _set;
    private readonly IReadOnlySet<string> _assigned;
    private readonly List<Dictionary<string, ModelShape>> _scopes = [];
    // What a name of the template's own holds, as far as its last assignment above says (x = Batch): read on, so that
    // x.Usr and {{ x }} are checked too. A name assigned elsewhere (another template, below) stays unknown.
    private readonly Dictionary<string, ModelShape> _own = new(StringComparer.Ordinal);
    private readonly List<Problem> _problems = [];

    private TemplateChecker(ParsedTemplate template, TemplateSet set, IReadOnlySet<string> assigned)
    {
        _template = template;
        _set = set;
        _assigned = assigned;
    }

    /// <summary>The problems of one template of a set.</summary>
    public static IReadOnlyList<Problem> Check(ParsedTemplate template, TemplateSet set)
    {
        var checker = new TemplateChecker(template, set, AssignedNames.Of(set));
        checker.Visit(template.Template.Page);
        return checker._problems;
    }

    public override void Visit(ScriptVariableGlobal node) => Resolve(node);

    public override void Visit(ScriptMemberExpression node) => Resolve(node);

    public override void Visit(ScriptIndexerExpression node) => Resolve(node);

    public override void Visit(ScriptForStatement node) => VisitLoop(node);

    // Scriban keeps tablerow's column count on the parsed template, which renders of two batches at once share.
    public override void Visit(ScriptTableRowStatement node) =>
        Error("TEMPLATE006", node, "'tablerow' is not available in report templates; write the table with for");

    public override void Visit(ScriptNamedArgument node) => Visit(node.Value);

    /// <summary>A value written: a field, a label, a text; never a whole row, list or the labels (their .NET form would print).</summary>
    public override void Visit(ScriptExpressionStatement node)
    {
        if (node.Expression is null or ScriptAssignExpression)
        {
            base.Visit(node);
            return;
        }
        var written = Text(node.Expression);
        switch (Resolve(node.Expression))
        {
            case RecordShape record:
                Error("TEMPLATE004", node.Expression, $"{written} is a whole {record.Caption} row; write one of its fields, e.g. {written}.{record.Fields[0].Name} (fields: {string.Join(", ", record.Fields.Select(f => f.Name))})");
                break;
            case ListShape:
                Error("TEMPLATE004", node.Expression, $"{written} is a list; write its rows with 'for row in {written}' ... 'end', or how many there are with {written}.size");
                break;
            case LabelsShape:
                Error("TEMPLATE004", node.Expression, "L holds every label; write one of them, e.g. L.Batch");
                break;
        }
    }

    public override void Visit(ScriptThisExpression node) =>
        Error("TEMPLATE006", node, "'this' is not available in report templates; name what you mean: Batch.User, or inside 'for e in Errors' write e.Message");

    public override void Visit(ScriptParameter node)
    {
    }

    public override void Visit(ScriptObjectMember node) => Visit(node.Value);

    public override void Visit(ScriptCaptureStatement node) => Visit(node.Body);

    public override void Visit(ScriptFunction node) => Visit(node.Body);

    public override void Visit(ScriptAssignExpression node)
    {
        // The template's own values may change (t = {}; t.a = 1); the model's may not, nor can its names be reused.
        var changesTheModel = node.Target switch
        {
            ScriptVariableGlobal variable => Root.Field(variable.Name) is not null || _set.Functions.ContainsKey(variable.Name),
            ScriptMemberExpression member => Resolve(member.Target) is not AnyShape,
            ScriptIndexerExpression indexer => Resolve(indexer.Target) is not AnyShape,
            _ => false,
        };
        if (changesTheModel)
            Error("TEMPLATE006", node.Target!, "a template cannot change the report model or its functions; assign to a name of its own instead (x = ...)");
        else if (node.Target is ScriptIndexerExpression { Index: var index })
            Visit(index);
        var value = Resolve(node.Value);
        if (node.Target is ScriptVariableGlobal own && !changesTheModel)
            _own[own.Name] = _scopes.Count == 0 ? value : ModelShape.Any; // inside a loop the order of reading and assigning is not the text's

    }

    public override void Visit(ScriptImportStatement node) =>
        Error("TEMPLATE006", node, "'import' is not available in report templates: a template reads the report model and the functions listed in templates/README.md, nothing else");

    public override void Visit(ScriptWithStatement node) =>
        Error("TEMPLATE006", node, "'with' is not available in report templates; write the full name instead (Batch.User)");

    public override void Visit(ScriptFunctionCall node)
    {
        if (node.Target is ScriptVariableGlobal { Name: "include" } && node.Arguments.FirstOrDefault() is ScriptLiteral { Value: string partial } includeName
            && _set.Partial(partial) is null)
            Error("TEMPLATE005", includeName, TemplateErrors.UnknownPartial(partial, _set.Partials.Keys));
        if (node.Target is ScriptVariableGlobal { Name: "include" } && node.Arguments.FirstOrDefault() is ScriptLiteral { Value: string named } && _set.Partial(named) is { } included)
        {
            var given = node.Arguments.OfType<ScriptNamedArgument>().Select(a => a.Name?.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var argument in PartialArguments.Of(included).Where(a => !given.Contains(a)))
                Error("TEMPLATE005", node, $"the partial '{named}' reads ${argument}; give it: include \"{named}\" {argument}: ...");
        }
        // A piped value is the first argument: "logo.png" | image "Contoso".
        var piped = node.Parent is ScriptPipeCall pipe && ReferenceEquals(pipe.To, node) ? 1 : 0;
        if (node.Target is ScriptVariableGlobal { Name: "image" } && node.Arguments.Count + piped != 2)
            Error("TEMPLATE007", node, "image takes the picture's file and a text for readers who cannot see it: image \"logo.png\" \"Contoso\"");
        if (node.Target is ScriptVariableGlobal { Name: "image" } && piped == 0 && node.Arguments.FirstOrDefault() is ScriptLiteral { Value: string big } bigName && _set.Images.IsTooLarge(big))
            Error("TEMPLATE007", bigName, $"the picture '{big}' is larger than {TemplateImages.MaxBytes / 1024} KiB, so it is not put in reports (they are mailed and printed); make it smaller");
        else if (node.Target is ScriptVariableGlobal { Name: "image" } && piped == 0 && node.Arguments.FirstOrDefault() is ScriptLiteral { Value: string picture } imageName
            && !_set.Images.Has(picture))
        {
            var near = (EditDistance.Nearest(picture, _set.Images.Names) ?? _set.Images.Names.FirstOrDefault(n => n.EndsWith("/" + picture, StringComparison.OrdinalIgnoreCase))) is { } n ? $"; did you mean '{n}'?" : "";
            Error("TEMPLATE007", imageName, $"there is no picture '{picture}' in the templates folder{near} (pictures: {(_set.Images.Names.Any() ? string.Join(", ", _set.Images.Names.Order(StringComparer.Ordinal)) : "none")}; .png, .jpg, .gif, .svg or .webp up to {TemplateImages.MaxBytes / 1024} KiB)");
        }
        base.Visit(node);
    }

    private void VisitLoop(ScriptForStatement node)
    {
        var row = Resolve(node.Iterator) is ListShape list ? list.Row : ModelShape.Any;
        Visit(node.NamedArguments);
        var scope = new Dictionary<string, ModelShape>(StringComparer.Ordinal);
        if (node.Variable is ScriptVariable variable)
            scope[variable.Name] = row;
        _scopes.Add(scope);
        Visit(node.Body);
        _scopes.RemoveAt(_scopes.Count - 1);
        Visit(node.Else);
    }

    /// <summary>The shape of an expression; names and fields it reads are checked on the way.</summary>
    private ModelShape Resolve(ScriptExpression? expression)
    {
        switch (expression)
        {
            case ScriptVariableGlobal variable:
                return Name(variable);
            case ScriptVariableLocal:
                return ModelShape.Any; // $0, $name: a partial's or function's own arguments
            case ScriptMemberExpression member:
                var target = Resolve(member.Target);
                return member.Member is null ? ModelShape.Any : Member(target, member.Member.Name, member.Member, member.Target);
            case ScriptIndexerExpression indexer:
                var list = Resolve(indexer.Target);
                Visit(indexer.Index);
                return list is ListShape rows ? rows.Row : ModelShape.Any;
            case ScriptNestedExpression nested:
                return Resolve(nested.Expression);
            default:
                base.Visit(expression);
                return ModelShape.Any;
        }
    }

    private ModelShape Name(ScriptVariableGlobal variable)
    {
        var name = variable.Name;
        for (var i = _scopes.Count - 1; i >= 0; i--)
            if (_scopes[i].TryGetValue(name, out var shape))
                return shape;
        if (Root.Field(name) is { } field)
            return field.Name == nameof(ReportModel.L) ? new LabelsShape(_set.Labels.Names) : ModelShape.Of(field.PropertyType);
        if (_own.TryGetValue(name, out var assigned))
            return assigned;
        if (_set.Functions.TryGetValue(name, out var function))
            return new FunctionsShape(name, function as ScriptObject);
        if (LoopObjects.Contains(name) || _assigned.Contains(name))
            return ModelShape.Any;
        if (TemplateFunctions.LeftOut.TryGetValue(name, out var why))
        {
            Error("TEMPLATE006", variable, $"'{name}' is not available in report templates: {why}");
            return ModelShape.Any;
        }
        Error("TEMPLATE004", variable, $"'{name}' is not in the report model{Suggestion(name)}");
        return ModelShape.Any;
    }

    private ModelShape Member(ModelShape target, string name, ScriptNode at, ScriptExpression? before)
    {
        var what = Text(before);
        switch (target)
        {
            case RecordShape record:
                if (record.Field(name) is { } field)
                    return ModelShape.Of(field.PropertyType);
                var fields = record.Fields.Select(f => f.Name).ToList();
                Error("TEMPLATE004", at, $"'{name}' is not a field of {what}{Hint(name, fields)} (fields: {string.Join(", ", fields)})");
                return ModelShape.Any;
            case ListShape list:
                if (name == "size")
                    return new ValueShape(typeof(int));
                var rowFields = list.Row is RecordShape row && row.Field(name) is not null;
                Error("TEMPLATE004", at, rowFields
                    ? $"{what} is a list; its rows have '{name}': write 'for row in {what}' and then 'row.{name}'"
                    : $"'{name}' is not a field of {what}, a list; a list has 'size', and its rows are read with 'for row in {what}'");
                return ModelShape.Any;
            case LabelsShape labels:
                if (labels.Names.Contains(name))
                    return new ValueShape(typeof(string));
                Error("TEMPLATE004", at, $"there is no label '{name}'{Hint(name, labels.Names)} (templates/README.md lists the labels; add your own in templates/{TemplateLabels.FileName})");
                return ModelShape.Any;
            case FunctionsShape { Members: { } members } functions:
                if (members.ContainsKey(name))
                    return ModelShape.Any;
                Error("TEMPLATE004", at, $"'{functions.Name}' has no function '{name}'{Hint(name, members.Keys)}");
                return ModelShape.Any;
            case ValueShape { Type: var type } when type == typeof(string):
                if (name != "size")
                    Error("TEMPLATE004", at, $"{what} is text; it has no field '{name}' (only 'size')");
                return new ValueShape(typeof(int));
            case ValueShape:
                Error("TEMPLATE004", at, $"{what} is a single value; it has no field '{name}'");
                return ModelShape.Any;
            default:
                return ModelShape.Any;
        }
    }

    private static string Hint(string name, IEnumerable<string> known) => EditDistance.Nearest(name, known) is { } near ? $"; did you mean '{near}'?" : "";

    /// <summary>"Batch.User" for every field one step below the model's top, for a name written without its record.</summary>
    private static IEnumerable<string> NestedFields() =>
        Root.Fields.Where(f => ModelShape.Of(f.PropertyType) is RecordShape).SelectMany(f => ((RecordShape)ModelShape.Of(f.PropertyType)).Fields.Select(n => n.Name));

    private static string NestedPath(string field) =>
        Root.Fields.First(f => ModelShape.Of(f.PropertyType) is RecordShape r && r.Field(field) is not null).Name + "." + field;

    /// <summary>
    /// The name meant: a field of the row of a loop around it (the habit of other template languages: ItemNo for e.ItemNo), a name
    /// at the top of the model, or a field one step below it (User for Batch.User).
    /// </summary>
    private string Suggestion(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
            foreach (var (variable, shape) in _scopes[i])
                if (shape is RecordShape row && EditDistance.Nearest(name, row.Fields.Select(f => f.Name)) is { } field)
                    return $"; did you mean '{variable}.{field}'? (inside 'for {variable} in ...', a row's fields are written after its name)";
        var fields = Root.Fields.Select(f => f.Name).ToList();
        var near = EditDistance.Nearest(name, fields) ?? EditDistance.Nearest(name, _scopes.SelectMany(s => s.Keys))
            ?? (EditDistance.Nearest(name, NestedFields()) is { } nested ? NestedPath(nested) : null);
        // A part of a longer name (Entries of ItemEntries and CustomerEntries) is not a misspelling the distance finds.
        var containing = fields.Where(f => name.Length >= 4 && f.Contains(name, StringComparison.OrdinalIgnoreCase)).Take(4).ToList();
        if (near is null && containing.Count > 1)
            return $"; did you mean one of {string.Join(", ", containing.Select(c => $"'{c}'"))}?";
        near ??= containing.FirstOrDefault() ?? EditDistance.Nearest(name, _assigned);
        return near is null ? "" : $"; did you mean '{near}'?";
    }

    private static string Text(ScriptExpression? expression) => expression?.ToString() ?? "it";

    private void Error(string code, ScriptNode at, string message) =>
        _problems.Add(Problem.Error(code, message, TemplateErrors.At(_template.Path, at.Span)));
}
