using System.Collections;
using System.Reflection;
using Scriban.Runtime;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// What a name in a template stands for, as far as a check before rendering can know: a record of the report model
/// (its fields known), a list of them, the labels, a group of functions, or a value whose shape is not known
/// (something the template assigned itself). Unknown fields of known shapes are the errors a consultant makes.
/// </summary>
internal abstract record ModelShape
{
    /// <summary>The report model itself: what a template reaches by name. Made once; its fields are read by reflection.</summary>
    public static RecordShape Model { get; } = new(typeof(ReportModel));

    /// <summary>Anything: a value the template computed, a loop's <c>for</c> object, a function's result.</summary>
    public static ModelShape Any { get; } = new AnyShape();

    /// <summary>The shape of a value of a .NET type in the report model.</summary>
    public static ModelShape Of(Type type)
    {
        if (type == typeof(string) || type.IsPrimitive || type == typeof(decimal))
            return new ValueShape(type);
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element])
            return new ListShape(element);
        return type.Namespace == typeof(ReportModel).Namespace ? new RecordShape(type) : Any;
    }
}

/// <summary>A value of unknown shape: nothing about it is checked.</summary>
internal sealed record AnyShape : ModelShape;

/// <summary>A string, number or boolean: only <c>size</c> (of a string) is a member.</summary>
internal sealed record ValueShape(Type Type) : ModelShape;

/// <summary>A list of the report model: its rows are reached with <c>for</c>; <c>size</c> counts them.</summary>
internal sealed record ListShape(Type Element) : ModelShape
{
    /// <summary>The shape of one row.</summary>
    public ModelShape Row => Of(Element);
}

/// <summary>A record of the report model (the model itself, the batch, an entry ...): its public properties are its fields.</summary>
internal sealed record RecordShape(Type Type) : ModelShape
{
    /// <summary>The fields a template can read, in declaration order.</summary>
    public IReadOnlyList<PropertyInfo> Fields { get; } = Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(ReportModelAccess.IsReadable).ToList();

    /// <summary>A field by its exact name (template names are case-sensitive), or null.</summary>
    public PropertyInfo? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>How the record is named in messages: <c>Batch</c> for BatchView, <c>the report model</c> for ReportModel.</summary>
    public string Caption => Type == typeof(ReportModel) ? "the report model" : Type.Name.EndsWith("View", StringComparison.Ordinal) ? Type.Name[..^4] : Type.Name;
}

/// <summary>The labels of the report's language (<c>L.Batch</c>): the host's names and those of templates/labels.json.</summary>
internal sealed record LabelsShape(IReadOnlyCollection<string> Names) : ModelShape;

/// <summary>A group of functions (<c>string</c>, <c>math</c> ...) or one function.</summary>
internal sealed record FunctionsShape(string Name, ScriptObject? Members) : ModelShape;
