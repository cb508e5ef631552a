using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;

namespace PluginHost.Cli.Commands;

/// <summary><c>batches</c>: every posting attempt recorded in the database.</summary>
internal static class BatchesCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var json = CommonOptions.Json("Write the batches as a JSON array");
        var command = new Command("batches", "List the batches recorded in the database") { json };
        return (command, context => Store.Use(context, store =>
        {
            var batches = store.Batches();
            if (context.Parse.GetValue(json))
            {
                Json.Write(context.Out, batches);
                return ExitCodes.Done;
            }
            var table = Tables.Create("Batch", "Status", "Plugin", "File", "Sheet", "Lines", "User", "Time");
            foreach (var b in batches)
                table.AddCells(b.Id, b.Status, b.Plugin, b.FileName, b.Sheet, b.LineCount, b.User, ReportFormat.Time(b.CreatedAt));
            Tables.Console(context.Out).Write(table);
            return ExitCodes.Done;
        }));
    }
}
