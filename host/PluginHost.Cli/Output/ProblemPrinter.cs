using PluginHost.Engine.Problems;

namespace PluginHost.Cli.Output;

/// <summary>Prints problems like compiler messages, one per line.</summary>
internal static class ProblemPrinter
{
    public static void Print(TextWriter writer, IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
            writer.WriteLine(problem.ToString());
    }
}
