using System.CommandLine;
using PluginHost.Cli.Output;
using PluginHost.Engine.Ledger;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports.Languages;

namespace PluginHost.Cli.Commands;

/// <summary><c>entries</c>: ledger entries, as a table, JSON or CSV.</summary>
internal static class EntriesCommand
{
    private static readonly IReadOnlyList<string> Ledgers = LedgerCsv.Ledgers;

    public static (Command, Func<CliContext, int>) Create()
    {
        var batch = new Option<long?>("--batch") { Description = "Only the entries of this batch" };
        var ledger = new Option<string?>("--ledger") { Description = "item, capacity, customer or project (else all)" };
        ledger.AcceptOnlyFromAmong([.. Ledgers]);
        var json = CommonOptions.Json("Write the entries as JSON (an array with --ledger, else an object per ledger)");
        var csv = new Option<bool>("--csv") { Description = "Write one ledger as CSV (item unless --ledger); with --lang sv or nb, semicolons and decimal commas" };
        var lang = CommonOptions.Language();
        var command = new Command("entries", "List ledger entries") { batch, ledger, json, csv, lang };
        return (command, context => Store.Use(context, store =>
        {
            var p = context.Parse;
            if (p.GetValue(json) && p.GetValue(csv))
            {
                context.Error.WriteLine("error: choose --json or --csv, not both");
                return ExitCodes.BadInput;
            }
            var number = p.GetValue(batch);
            var only = p.GetValue(ledger);
            if (number is { } wanted && store.Batch(wanted) is null)
            {
                context.Error.WriteLine($"error: there is no batch {wanted} in {store.Path}; `pluginhost batches` lists them");
                return ExitCodes.BadInput;
            }
            var entries = store.Entries(number);
            var ledgers = Ledgers.ToDictionary(name => name, name => LedgerCsv.Of(entries, name));
            if (p.GetValue(json))
            {
                Json.Write(context.Out, only is null ? ledgers : ledgers[only]);
                return ExitCodes.Done;
            }
            if (p.GetValue(csv))
            {
                var name = only ?? "item";
                var (language, usage) = ReportLanguage.From(p.GetValue(lang), null);
                if (language is null)
                {
                    ProblemPrinter.Print(context.Error, [usage!]);
                    return ExitCodes.BadInput;
                }
                LedgerCsv.Write(context.Out, ledgers[name], name, CsvDialect.For(language.Code));
                return ExitCodes.Done;
            }
            var console = Tables.Console(context.Out);
            foreach (var name in only is null ? Ledgers : [only])
            {
                context.Out.WriteLine($"{char.ToUpperInvariant(name[0])}{name[1..]} ledger");
                console.Write(Table(ledgers[name]));
            }
            return ExitCodes.Done;
        }));
    }

    private static Spectre.Console.Table Table(IReadOnlyList<object> entries)
    {
        var properties = entries.FirstOrDefault()?.GetType().GetProperties() ?? [];
        var table = Tables.Create(properties.Select(x => x.Name).ToArray());
        if (properties.Length == 0)
            table.AddColumn(new Spectre.Console.TableColumn("(no entries)"));
        foreach (var entry in entries)
            table.AddCells(properties.Select(x => LedgerCsv.Format(x.GetValue(entry), x.Name)).ToArray());
        return table;
    }
}
