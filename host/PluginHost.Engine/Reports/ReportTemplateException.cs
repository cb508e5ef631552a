using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Reports;

/// <summary>A report template failed while rendering a batch (a limit, a name the model lacks); the report is not written.</summary>
public sealed class ReportTemplateException(Problem problem) : Exception(problem.Message)
{
    /// <summary>What failed, at the template's file, line and column.</summary>
    public Problem Problem { get; } = problem;
}
