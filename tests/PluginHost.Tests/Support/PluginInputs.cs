using PluginHost.Engine.Plugins;

namespace PluginHost.Tests.Support;

/// <summary>
/// Rule inputs made of the plugin's own types, as loaded in its load context (the test cannot reference the plugin
/// assembly directly: its types would be other types than those the rules were compiled against).
/// </summary>
public sealed class PluginInputs(LoadedPlugin plugin)
{
    /// <summary>A journal line with the given properties set.</summary>
    public object Line(params (string Property, object? Value)[] values)
    {
        var type = plugin.Instance.Schema.LineType;
        var line = Activator.CreateInstance(type)!;
        foreach (var (property, value) in values)
            type.GetProperty(property)!.SetValue(line, value);
        return line;
    }

    /// <summary>The facts for a line that applies to no entry: every declared fact type's static None.</summary>
    public object?[] For(object line) =>
        [line, .. plugin.Instance.RuleInputs.Skip(1).Select(i => i.Type.GetField("None")!.GetValue(null))];
}
