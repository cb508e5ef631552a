using PluginHost.Engine.Rules.Json;

namespace PluginHost.Engine.Rules.Model;

/// <summary>A GlobalParam or LocalParam: RulesEngine's <see cref="RulesEngine.Models.ScopedParam"/>, with where it stands in the file.</summary>
/// <param name="Name">The name later expressions use.</param>
/// <param name="Expression">The expression, with its place in the file.</param>
public sealed record ParamDefinition(string Name, JsonStringNode Expression)
{
    /// <summary>The parameter in RulesEngine's model.</summary>
    public RulesEngine.Models.ScopedParam Model { get; } = new() { Name = Name, Expression = Expression.Value };
}
