using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;

namespace PluginHost.Cli.Commands;

/// <summary><c>report BATCH</c>: renders a recorded batch again from the database.</summary>
internal static class ReportCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var batch = new Argument<long>("BATCH") { Description = "The batch number" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it (else batch-N.report.html in the current folder)" };
        var command = new Command("report", "Render the report of a recorded batch again") { batch, output };
        return (command, context => Store.Use(context, store =>
        {
            var number = context.Parse.GetValue(batch);
            if (store.Batch(number) is not { } record)
            {
                context.Error.WriteLine($"error: there is no batch {number} in {store.Path}");
                return ExitCodes.BadInput;
            }
            var (renderer, problems) = context.Runtime.Reports;
            var all = problems.Concat(renderer?.Prepare(record.Plugin) ?? []).ToList();
            if (renderer is null || all.Count > 0)
            {
                ProblemPrinter.Print(context.Error, all);
                return ExitCodes.Configuration;
            }
            // The model kept at posting time renders the report exactly as it was; batches without one are rebuilt from the ledgers as they stand.
            var model = store.ReportModel(number) is { } kept && ReportModelJson.Deserialize(kept) is { } snapshot
                ? snapshot
                : ReportModelBuilder.Build(record, record.Status, provisional: false, store.Entries(number), ReportModelBuilder.FromStored(store.Messages(number)));
            var (path, badPath) = OutputPaths.Resolve(context.Parse.GetValue(output), $"batch-{number}.report.html", "report", "-o", store.Path);
            if (badPath is not null)
            {
                ProblemPrinter.Print(context.Error, [badPath]);
                return ExitCodes.BadInput;
            }
            try
            {
                File.WriteAllText(path!, renderer.Render(record.Plugin, model));
            }
            catch (ReportTemplateException ex)
            {
                context.Error.WriteLine($"error TEMPLATE003: {ex.Message}");
                return ExitCodes.Configuration;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{path}: error REPORT002: the report cannot be written: {ex.Message}");
                return ExitCodes.BadInput;
            }
            context.Out.WriteLine($"report of batch {number}: {path}");
            return ExitCodes.Done;
        }));
    }
}
