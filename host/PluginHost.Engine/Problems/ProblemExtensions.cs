namespace PluginHost.Engine.Problems;

/// <summary>Helpers over problem lists.</summary>
public static class ProblemExtensions
{
    /// <summary>True when any of the problems is an error.</summary>
    public static bool HasErrors(this IEnumerable<Problem> problems) => problems.Any(p => p.IsError);
}
