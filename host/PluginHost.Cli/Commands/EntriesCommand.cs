using System.CommandLine;
using System.Globalization;
using System.Text;
using PluginHost.Cli.Output;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Reports;

namespace PluginHost.Cli.Commands;

/// <summary><c>entries</c>: ledger entries, as a table, JSON or CSV.</summary>
internal static class EntriesCommand
{
    private static readonly string[] Ledgers = ["item", "capacity", "customer", "project"];

    private static readonly Dictionary<string, Type> RecordTypes = new()
    {
        ["item"] = typeof(Contracts.Ledger.ItemLedgerEntry),
        ["capacity"] = typeof(Contracts.Ledger.CapacityLedgerEntry),
        ["customer"] = typeof(Contracts.Ledger.CustomerLedgerEntry),
        ["project"] = typeof(Contracts.Ledger.ProjectActual),
    };

    public static (Command, Func<CliContext, int>) Create()
    {
        var batch = new Option<long?>("--batch") { Description = "Only the entries of this batch" };
        var ledger = new Option<string?>("--ledger") { Description = "item, capacity, customer or project (else all)" };
        ledger.AcceptOnlyFromAmong(Ledgers);
        var json = CommonOptions.Json("Write the entries as JSON (an array with --ledger, else an object per ledger)");
        var csv = new Option<bool>("--csv") { Description = "Write one ledger as CSV (item unless --ledger)" };
        var command = new Command("entries", "List ledger entries") { batch, ledger, json, csv };
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
            var ledgers = new Dictionary<string, IReadOnlyList<object>>
            {
                ["item"] = entries.Items.Cast<object>().ToList(),
                ["capacity"] = entries.Capacity.Cast<object>().ToList(),
                ["customer"] = entries.Customer.Cast<object>().ToList(),
                ["project"] = entries.Project.Cast<object>().ToList(),
            };
            if (p.GetValue(json))
            {
                Json.Write(context.Out, only is null ? ledgers : ledgers[only]);
                return ExitCodes.Done;
            }
            if (p.GetValue(csv))
            {
                var name = only ?? "item";
                WriteCsv(context.Out, ledgers[name], RecordTypes[name]);
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
            table.AddCells(properties.Select(x => Format(x.GetValue(entry), x.Name)).ToArray());
        return table;
    }

    private static void WriteCsv(TextWriter writer, IReadOnlyList<object> entries, Type type)
    {
        var properties = type.GetProperties();
        writer.WriteLine(string.Join(",", properties.Select(x => JsonName(x.Name))));
        foreach (var entry in entries)
            writer.WriteLine(string.Join(",", properties.Select(x => Quote(Format(x.GetValue(entry), x.Name)))));
    }

    /// <summary>Amounts and prices with their two decimals (1000.00), quantities without trailing zeros (8.5).</summary>
    private static string Format(object? value, string property) => value switch
    {
        null => "",
        decimal d when property.Contains("Amount", StringComparison.Ordinal) || property.Contains("Price", StringComparison.Ordinal) => ReportFormat.Amount(d),
        decimal d => ReportFormat.Quantity(d),
        DateOnly date => ReportFormat.Date(date),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>
    /// Quotes as RFC 4180 does, and defuses text a spreadsheet would run as a formula (=, +, -, @ at the start of a
    /// value that is not a number) by prefixing an apostrophe, so a document number cannot become a formula in Excel.
    /// </summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : new StringBuilder("\"").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
