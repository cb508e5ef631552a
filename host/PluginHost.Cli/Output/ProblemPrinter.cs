using PluginHost.Engine.Languages;
using PluginHost.Engine.Problems;

namespace PluginHost.Cli.Output;

/// <summary>Prints problems like compiler messages, one per line, the severity in the batch's language.</summary>
internal static class ProblemPrinter
{
    public static void Print(TextWriter writer, IEnumerable<Problem> problems, HostText? text = null)
    {
        foreach (var problem in problems)
            writer.WriteLine(problem.ToString(text ?? HostText.English));
    }
}
