using System.Globalization;
using System.Text;
using PluginHost.Contracts.Ledger;
using PluginHost.Engine.Reports;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// One ledger's entries as CSV (RFC 4180), the columns named as <c>pluginhost entries --json</c> names them. Shared by
/// <c>pluginhost entries --csv</c> and the web page's export, so both write the same file. In Swedish and Norwegian the
/// file is what Excel opens there: semicolons between values and a decimal comma (<see cref="CsvDialect"/>).
/// </summary>
public static class LedgerCsv
{
    /// <summary>The ledgers by the names the command line and the web page use.</summary>
    public static IReadOnlyList<string> Ledgers { get; } = ["item", "capacity", "customer", "project"];

    private static readonly Dictionary<string, Type> RecordTypes = new()
    {
        ["item"] = typeof(ItemLedgerEntry),
        ["capacity"] = typeof(CapacityLedgerEntry),
        ["customer"] = typeof(CustomerLedgerEntry),
        ["project"] = typeof(ProjectActual),
    };

    /// <summary>The entries of one ledger (<see cref="Ledgers"/>) as objects, in entry order.</summary>
    public static IReadOnlyList<object> Of(BatchEntries entries, string ledger) => ledger switch
    {
        "item" => entries.Items.Cast<object>().ToList(),
        "capacity" => entries.Capacity.Cast<object>().ToList(),
        "customer" => entries.Customer.Cast<object>().ToList(),
        "project" => entries.Project.Cast<object>().ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(ledger), ledger, "not a ledger name"),
    };

    /// <summary>Writes a header line and one line per entry of <paramref name="ledger"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<object> entries, string ledger, CsvDialect dialect)
    {
        var properties = RecordTypes[ledger].GetProperties();
        var separator = dialect.Separator.ToString();
        writer.WriteLine(string.Join(separator, properties.Select(x => JsonName(x.Name))));
        foreach (var entry in entries)
            writer.WriteLine(string.Join(separator, properties.Select(x => Quote(dialect.Number(Format(x.GetValue(entry), x.Name), x.PropertyType), dialect))));
    }

    /// <summary>Amounts and prices with their two decimals (1000.00), quantities without trailing zeros (8.5).</summary>
    public static string Format(object? value, string property) => value switch
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
    private static string Quote(string value, CsvDialect dialect)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !dialect.IsNumber(value))
            value = "'" + value;
        return value.IndexOfAny([dialect.Separator, '"', '\n', '\r']) < 0 ? value : new StringBuilder("\"").Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
