namespace PluginHost.Engine.Rules.Model;

/// <summary>A rule file: its path, the hash of its bytes, and its workflows.</summary>
/// <param name="Path">The file.</param>
/// <param name="Sha256">Hex SHA-256 of the file's bytes, recorded with every batch it checked.</param>
/// <param name="Workflows">Its workflows, in file order, with the position of every value.</param>
public sealed record RuleFile(string Path, string Sha256, IReadOnlyList<WorkflowDefinition> Workflows)
{
    /// <summary>Parameter names refused when the file was read (RULE014): expressions that read them are not reported again.</summary>
    public IReadOnlySet<string> RefusedParameterNames { get; init; } = new HashSet<string>();

    /// <summary>The workflows in RulesEngine's model, ready for <c>new RulesEngine.RulesEngine(...)</c>.</summary>
    public RulesEngine.Models.Workflow[] ToModels() => [.. Workflows.Select(w => w.ToModel())];
}
