using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Model;

/// <summary>A GlobalParam or LocalParam: a named expression later expressions may use.</summary>
/// <param name="Name">The name expressions use.</param>
/// <param name="Expression">The expression, with its place in the file.</param>
public sealed record ScopedParam(string Name, JsonStringNode Expression);
