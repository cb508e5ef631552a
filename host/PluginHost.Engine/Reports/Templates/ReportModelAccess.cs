using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// What a template can reach: the public properties of the report model's records, read only. No method, no field,
/// no .NET member of another type, and nothing a template writes changes the model (it is kept with the batch).
/// </summary>
internal static class ReportModelAccess
{
    /// <summary>A member a template may read: a public, non-indexed property of a record of the report model.</summary>
    public static bool IsReadable(MemberInfo member) =>
        member is PropertyInfo { GetMethod.IsPublic: true } property && property.GetIndexParameters().Length == 0
        && property.DeclaringType?.Namespace == typeof(ReportModel).Namespace;

    /// <summary>The global object of one render: the model's fields under their own names, and the labels as <c>L</c>.</summary>
    public static ScriptObject Globals(ReportModel model, IReadOnlyDictionary<string, string> labels)
    {
        var globals = new ScriptObject();
        foreach (var field in ModelShape.Model.Fields)
            globals.SetValue(field.Name, field.Name == nameof(ReportModel.L) ? Labels(labels) : field.GetValue(model), readOnly: true);
        return globals;
    }

    private static ScriptObject Labels(IReadOnlyDictionary<string, string> labels)
    {
        var l = new ScriptObject(labels.Count);
        foreach (var (name, text) in labels)
            l.SetValue(name, text, readOnly: true);
        return l;
    }
}

/// <summary>Scriban's accessor of a model record or list with every write refused.</summary>
internal sealed class ReadOnlyAccessor(IObjectAccessor inner) : IObjectAccessor
{
    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => inner.GetMemberCount(context, span, target);

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => inner.GetMembers(context, span, target);

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => inner.HasMember(context, span, target, member);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value) => inner.TryGetValue(context, span, target, member, out value);

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => false;

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => inner.TryGetItem(context, span, target, index, out value);

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => false;

    public bool HasIndexer => inner.HasIndexer;

    public Type IndexType => inner.IndexType ?? typeof(object);
}

/// <summary>Scriban's accessor of a list of the model with writes refused (<c>x = Errors; x[0] = ...</c> included).</summary>
internal sealed class ReadOnlyListAccessor(IListAccessor inner) : IListAccessor
{
    public int GetLength(TemplateContext context, SourceSpan span, object target) => inner.GetLength(context, span, target);

    public object? GetValue(TemplateContext context, SourceSpan span, object target, int index) => inner.GetValue(context, span, target, index);

    public void SetValue(TemplateContext context, SourceSpan span, object target, int index, object? value) =>
        throw new Scriban.Syntax.ScriptRuntimeException(span, "Cannot set a row of a list of the report model");
}
