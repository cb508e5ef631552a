using System.CommandLine;
using PluginHost.Cli.Commands;
using PluginHost.Engine.Posting;

namespace PluginHost.Cli;

/// <summary>The command line. <see cref="Run"/> takes its writers so tests drive it in-process exactly as a user would.</summary>
public static class CliApp
{
    /// <summary>Runs a command line and returns its exit code (DESIGN.md: 0 done ... 4 duplicate).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("PluginHost posts journal corrections from Excel workbooks through posting plugins.");
        root.Options.Add(CommonOptions.Database);
        root.Options.Add(CommonOptions.Plugins);
        root.Options.Add(CommonOptions.Rules);
        root.Options.Add(CommonOptions.Templates);
        var handlers = new List<(Command Command, Func<CliContext, int> Handler)>
        {
            PostCommand.Create("post", "Check a workbook against its plugin's rules and post it", dryRun: false),
            PostCommand.Create("validate", "Check a workbook and show what would be posted, writing nothing to the ledger (post --dry-run); the report and error workbook are written", dryRun: true),
            EntriesCommand.Create(),
            BatchesCommand.Create(),
            ReportCommand.Create(),
            PluginsCommand.Create(),
            TemplateCommand.Create(),
            CheckCommand.Create(),
            DemoCommand.Create(),
            ServeCommand.Create(),
            BenchCommand.Create(),
        };
        foreach (var (command, handler) in handlers)
        {
            command.SetAction(parse => handler(new CliContext(parse, stdout, stderr)));
            root.Subcommands.Add(command);
        }
        var (check, checkRules) = RulesCheckCommand.Create();
        check.SetAction(parse => checkRules(new CliContext(parse, stdout, stderr)));
        root.Subcommands.Add(new Command("rules", "Work with the rule files consultants edit") { check });
        var (checkTemplates, runTemplatesCheck) = TemplatesCheckCommand.Create();
        checkTemplates.SetAction(parse => runTemplatesCheck(new CliContext(parse, stdout, stderr)));
        root.Subcommands.Add(new Command("templates", "Work with the report templates consultants edit") { checkTemplates });

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
                stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'pluginhost --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Expected failures are values with their own exit codes; reaching here is a fault of PluginHost or of the machine.
            stderr.WriteLine($"error: PluginHost failed unexpectedly: {ex.GetType().Name}: {ex.Message}");
            stderr.WriteLine("Nothing of a batch is posted unless it was reported as posted. Please report this with the command you ran.");
            return ExitCodes.Configuration;
        }
    }
}
