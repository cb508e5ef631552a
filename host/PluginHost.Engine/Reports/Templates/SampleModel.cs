using System.Collections;
using System.Reflection;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// A report model with one row in every table and a value in every field, for <c>templates check</c>: rendering each
/// template with it runs every loop body and every branch a real batch with rows would, so what only a render finds
/// (a function given the wrong kind of value) is found before a batch is posted.
/// </summary>
internal static class SampleModel
{
    /// <summary>The sample in a language.</summary>
    public static ReportModel In(string language)
    {
        var model = (ReportModel)Fill(typeof(ReportModel), depth: 0)!;
        return model with { Language = language, L = ReportLabels.For(language) };
    }

    private static object? Fill(Type type, int depth)
    {
        if (type == typeof(string))
            return "sample";
        if (type == typeof(int) || type == typeof(long))
            return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        if (type == typeof(bool))
            return true;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            return null;
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element])
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Fill(element, depth + 1));
            return list;
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var instance = constructor.Invoke(constructor.GetParameters().Select(p => Fill(p.ParameterType, depth + 1)).ToArray());
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0))
            if (Fill(property.PropertyType, depth + 1) is { } value)
                property.SetValue(instance, value);
        return instance;
    }
}
