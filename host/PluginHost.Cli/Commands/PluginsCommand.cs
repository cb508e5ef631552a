using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Cli.Commands;

/// <summary><c>plugins</c>: what loaded, what each reads, and every plugin that failed to load (exit code 3).</summary>
internal static class PluginsCommand
{
    public static (Command, Func<CliContext, int>) Create()
    {
        var json = CommonOptions.Json("Write the plugins and load failures as JSON");
        var command = new Command("plugins", "List the plugins, the journal each reads, and those that failed to load") { json };
        return (command, context =>
        {
            var catalog = context.Runtime.Plugins;
            var exitCode = catalog.Failures.Count > 0 || catalog.Plugins.Count == 0 ? ExitCodes.Configuration : ExitCodes.Done;
            if (catalog.Plugins.Count == 0 && catalog.Failures.Count == 0)
                context.Error.WriteLine($"error PLUGIN013: no plugin was found in {catalog.Folder} (a plugin is found as plugins/NAME/NAME.dll)");
            if (context.Parse.GetValue(json))
            {
                Json.Write(context.Out, new
                {
                    folder = catalog.Folder,
                    plugins = catalog.Plugins.Select(p => new
                    {
                        name = p.Name,
                        description = p.Instance.Description,
                        path = p.AssemblyPath,
                        version = p.Assembly.GetName().Version?.ToString(),
                        sheets = p.Instance.Schema.SheetNames,
                        columns = p.Instance.Schema.Columns().Select(c => new { field = c.Name, header = c.Caption, captions = c.Declaration.Captions, required = c.Declaration.Required }),
                        ruleInputs = p.Instance.RuleInputs.Select(i => new
                        {
                            name = i.Name, type = i.Type.Name, description = i.Description,
                            // What a rule can read of the input: its public properties and fields, with their kinds.
                            fields = i.Type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                                .Where(f => f.GetIndexParameters().Length == 0).Select(f => new { name = f.Name, type = Kind(f.PropertyType) }),
                        }),
                    }),
                    failures = catalog.Failures.Select(ProblemJson.From),
                });
                return exitCode;
            }
            var table = Tables.Create("Plugin", "Journal", "Columns", "Assembly");
            foreach (var p in catalog.Plugins)
                table.AddCells(p.Name, string.Join(" / ", p.Instance.Schema.SheetNames), string.Join(", ", p.Instance.Schema.Columns().Select(c => c.Caption)), p.AssemblyPath);
            Tables.Console(context.Out).Write(table);
            ProblemPrinter.Print(context.Error, catalog.Failures);
            return exitCode;
        });
    }

    /// <summary>A field's kind in a consultant's words: text, decimal number, whole number, true/false, date, or its type's name; "that may be empty" when it can be null.</summary>
    private static string Kind(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Kind(inner) + " that may be empty";
        return type == typeof(string) ? "text"
            : type == typeof(decimal) || type == typeof(double) ? "decimal number"
            : type == typeof(int) || type == typeof(long) || type == typeof(short) ? "whole number"
            : type == typeof(bool) ? "true/false"
            : type == typeof(DateOnly) ? "date"
            : type == typeof(DateTime) ? "date and time"
            : type.Name;
    }
}
