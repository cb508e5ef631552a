using PluginHost.Engine.Workbooks;

namespace PluginHost.Engine.Benchmarking;

/// <summary>
/// Journals of any size for the shipped plugins, for the <c>bench</c> command and the benchmarks (docs/performance.md).
/// Each plugin gets originals, corrections of those originals (posted after them, against a fresh ledger), and a
/// small set of corrections in which some lines are refused. Row <c>i</c> of the originals posts the item entry, sales
/// invoice line or project invoice line that correction <c>i</c> corrects.
/// </summary>
public static class SyntheticJournals
{
    /// <summary>The plugins a synthetic journal exists for, in the order the bench runs them.</summary>
    public static IReadOnlyList<string> Plugins { get; } = ["output-reversal", "return-credit", "invoice-correction"];

    /// <summary>Invoice lines per invoice (return-credit, invoice-correction).</summary>
    private const int LinesPerInvoice = 4;

    /// <summary><paramref name="count"/> original lines: output, invoiced sales order lines, or confirmed project invoice lines.</summary>
    public static XlsxWriter.Sheet Originals(string plugin, int count) => Sheet(plugin, Enumerable.Range(1, count).Select(i => Original(plugin, i)));

    /// <summary>
    /// Corrections of originals 1 to <paramref name="count"/>, every one of which passes the rules: reversals of part of the
    /// output, returns of one unit of each invoice line, corrective invoices lowering each line from 8 h to 6 h.
    /// </summary>
    public static XlsxWriter.Sheet Corrections(string plugin, int count) => Sheet(plugin, Enumerable.Range(1, count).Select(i => Correction(plugin, i, second: false, refused: false)));

    /// <summary>
    /// A second round of corrections of originals 1 to <paramref name="count"/>, to post after <see cref="Corrections"/> of at
    /// least as many lines, where every <paramref name="every"/>th line is refused by a rule (reverses more than remains, a
    /// return still awaiting its packing slip, a negative corrected quantity), so the batch is refused. The other lines
    /// would pass: a further 2 units reversed, a second return order, a second corrective invoice from 6 h to 5 h.
    /// </summary>
    public static XlsxWriter.Sheet Refused(string plugin, int count, int every) =>
        Sheet(plugin, Enumerable.Range(1, count).Select(i => Correction(plugin, i, second: true, refused: i % every == 0)));

    /// <summary>How many lines <see cref="Refused"/> refuses.</summary>
    public static int RefusedCount(int count, int every) => count / every;

    private static XlsxWriter.Sheet Sheet(string plugin, IEnumerable<IReadOnlyList<object?>> rows) => plugin switch
    {
        "output-reversal" => new XlsxWriter.Sheet("Output Journal", OutputHeaders, rows),
        "return-credit" => new XlsxWriter.Sheet("Sales and Returns", SalesHeaders, rows),
        "invoice-correction" => new XlsxWriter.Sheet("Project Invoices", ProjectHeaders, rows),
        _ => throw new ArgumentException($"no synthetic journal for plugin '{plugin}'; there is one for {string.Join(", ", Plugins)}", nameof(plugin)),
    };

    private static IReadOnlyList<object?> Original(string plugin, int i)
    {
        var (invoice, line) = (Invoice(i), LineNo(i));
        return plugin switch
        {
            "output-reversal" => [Day(2), $"OUT-{i:D7}", ProdOrder(i), Item(i), "10", 60m + i % 7, 10m + i % 5, null],
            "return-credit" => ["Sales order", $"SO-{invoice:D7}", null, Customer(invoice), Day(3), $"INV-{invoice:D7}", line, $"ITEM-{line}", 4m, 12.50m, null, null],
            _ => [$"PI-{invoice:D7}", line, Project(invoice), Customer(invoice), "Time", $"Consultant {line}", Day(10), 8m, 200m, "Confirmed", null, null],
        };
    }

    private static IReadOnlyList<object?> Correction(string plugin, int i, bool second, bool refused)
    {
        var (invoice, line) = (Invoice(i), LineNo(i));
        var round = second ? 2 : 1;
        return plugin switch
        {
            // Original i posted item entry i (a fresh ledger numbers from 1); 2 of its 10 to 14 units are reversed, or far more when refused.
            "output-reversal" => [Day(5), $"REV{round}-{i:D7}", ProdOrder(i), Item(i), "10", -12m, refused ? -1000m : -2m, (long)i],
            "return-credit" => ["Returned order", $"RO{round}-{invoice:D7}", $"RMA{round}-{invoice:D7}", Customer(invoice), Day(12), $"INV-{invoice:D7}", line, $"ITEM-{line}", -1m, 12.50m, "DAMAGED", refused ? "Awaiting" : "Received"],
            _ => [$"PI-{invoice:D7}-C{round}", line, Project(invoice), Customer(invoice), "Time", $"Consultant {line}", Day(10), refused ? -1m : second ? 5m : 6m, null, "Confirmed",
                second ? $"PI-{invoice:D7}-C1" : $"PI-{invoice:D7}", "Unbilled"],
        };
    }

    private static DateOnly Day(int day) => new(2026, 11, day);

    private static int Invoice(int i) => ((i - 1) / LinesPerInvoice) + 1;

    private static int LineNo(int i) => ((i - 1) % LinesPerInvoice) + 1;

    private static string ProdOrder(int i) => $"PO-{((i - 1) / 10) + 1:D6}";

    private static string Item(int i) => $"ITEM-{i % 50:D3}";

    private static string Customer(int invoice) => $"C-{invoice % 100:D3}";

    private static string Project(int invoice) => $"PRJ-{invoice % 20:D3}";

    private static readonly string[] OutputHeaders =
        ["Posting Date", "Document No.", "Prod. Order No.", "Item No.", "Operation No.", "Run Time", "Output Quantity", "Applies-to Entry"];

    private static readonly string[] SalesHeaders =
        ["Order Type", "Order No.", "RMA No.", "Customer No.", "Posting Date", "Invoice No.", "Invoice Line No.", "Item No.", "Quantity", "Unit Price", "Return Reason", "Return Status"];

    private static readonly string[] ProjectHeaders =
        ["Invoice No.", "Line No.", "Project No.", "Customer No.", "Transaction Type", "Resource", "Date", "Quantity", "Unit Price", "Status", "Corrects Invoice No.", "Remainder"];
}
