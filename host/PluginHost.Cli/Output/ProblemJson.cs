using PluginHost.Engine.Problems;

namespace PluginHost.Cli.Output;

/// <summary>A problem as --json prints it: sheet, row, column, rule, severity, message, plus cell, code and file.</summary>
internal sealed record ProblemJson(string? Sheet, int? Row, string? Column, string? Cell, string? Rule, string Severity, string Code, string Message, string? File, int? Line, int? Position)
{
    public static ProblemJson From(Problem p) => new(p.Where.Sheet, p.Where.Row, p.Where.Column, p.Where.Cell, p.Where.Rule,
        p.IsError ? "error" : "warning", p.Code, p.Message, p.Where.File, p.Where.Line, p.Where.Position);
}
