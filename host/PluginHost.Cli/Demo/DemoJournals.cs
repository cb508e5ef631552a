using PluginHost.Engine.Workbooks;

namespace PluginHost.Cli.Demo;

/// <summary>
/// The demo's journals, each story told as a user lives it (post, get refused, fix, post): output journals with a
/// reversal of more than remains and a run-time-only correction; sales invoices whose returns are credited as the goods
/// arrive; a project invoice corrected down, then back up.
/// </summary>
internal static class DemoJournals
{
    private static readonly string[] Headers =
        ["Posting Date", "Document No.", "Prod. Order No.", "Item No.", "Operation No.", "Run Time", "Output Quantity", "Applies-to Entry", "Comment"];

    public static IReadOnlyList<(string FileName, string Story)> Write(string folder, string language = "en")
    {
        var originals = new List<IReadOnlyList<object?>>
        {
            Line("2026-11-02", "OUT-1001", "PO-1001", "BIKE-100", "10", 120m, 10m, null, "frames welded"),
            Line("2026-11-02", "OUT-1002", "PO-1001", "BIKE-100", "20", 45.5m, 10m, null, "frames painted"),
            Line("2026-11-03", "OUT-1003", "PO-1002", "WHEEL-200", "10", 200m, 40m, null, "wheels laced"),
            Line("2026-11-03", "OUT-1004", "PO-1001", "BIKE-100", "30", 15m, 0m, null, "set-up of the paint line: run time only"),
        };
        var corrections = new List<IReadOnlyList<object?>>
        {
            Line("2026-11-05", "REV-2001", "PO-1001", "BIKE-100", "10", -48m, -4m, 1L, "4 frames scrapped, not output"),
            Line("2026-11-05", "REV-2002", "PO-1002", "WHEEL-200", "10", -200m, -40m, 3L, "posted on the wrong order"),
            Line("2026-11-05", "REV-2003", "PO-1001", "BIKE-100", "20", -50m, -12m, 2L, "typed 12 instead of 10"),
            Line("2026-11-05", "REV-2004", "PO-1001", "BIKE-100", "30", -5m, 0m, null, "set-up took 10 minutes, not 15"),
        };
        var fixedCorrections = corrections.Take(2)
            .Append(Line("2026-11-05", "REV-2003", "PO-1001", "BIKE-100", "20", -45.5m, -10m, 2L, "full reversal of entry 2"))
            .Append(corrections[3])
            .ToList();

        var files = new List<(string, string)>
        {
            ("output-journal-1-originals.xlsx", DemoText.Say(language, "Story1")),
            ("output-journal-2-corrections.xlsx", DemoText.Say(language, "Story2")),
            ("output-journal-3-corrections-fixed.xlsx", DemoText.Say(language, "Story3")),
            ("sales-1-invoices.xlsx", DemoText.Say(language, "Story4")),
            ("returns-2-credit.xlsx", DemoText.Say(language, "Story5")),
            ("returns-3-credit-received.xlsx", DemoText.Say(language, "Story6")),
            ("returns-4-credit-rest.xlsx", DemoText.Say(language, "Story7")),
            ("projects-1-invoices.xlsx", DemoText.Say(language, "Story8")),
            ("projects-2-corrections.xlsx", DemoText.Say(language, "Story9")),
            ("projects-3-corrections-fixed.xlsx", DemoText.Say(language, "Story10")),
            ("projects-4-rebill.xlsx", DemoText.Say(language, "Story11")),
        };
        XlsxWriter.Write(Path.Combine(folder, files[0].Item1), new XlsxWriter.Sheet("Output Journal", Headers, originals));
        XlsxWriter.Write(Path.Combine(folder, files[1].Item1), new XlsxWriter.Sheet("Output Journal", Headers, corrections));
        XlsxWriter.Write(Path.Combine(folder, files[2].Item1), new XlsxWriter.Sheet("Output Journal", Headers, fixedCorrections));
        XlsxWriter.Write(Path.Combine(folder, files[3].Item1), new XlsxWriter.Sheet("Sales and Returns", SalesHeaders,
        [
            Sale("SO-1001", "C-100", "INV-1001", 1, "BIKE-100", 2m, 1499.00m),
            Sale("SO-1001", "C-100", "INV-1001", 2, "BELL-7", 10m, 19.99m),
            Sale("SO-1002", "C-200", "INV-1002", 1, "WHEEL-200", 8m, 89.50m),
        ]));
        var returns = new[]
        {
            Return("RO-5001", "RMA-77", "C-100", "INV-1001", 2, "BELL-7", -3m, 19.99m, "DAMAGED", "Received", 12),
            Return("RO-5001", "RMA-77", "C-100", "INV-1001", 1, "BIKE-100", -1m, 1499.00m, "WRONGSIZE", "Received", 12),
            Return("RO-5002", "RMA-78", "C-200", "INV-1002", 1, "WHEEL-200", -2m, 89.50m, "DEFECT", "Awaiting", 12),
        };
        XlsxWriter.Write(Path.Combine(folder, files[4].Item1), new XlsxWriter.Sheet("Sales and Returns", SalesHeaders, returns));
        XlsxWriter.Write(Path.Combine(folder, files[5].Item1), new XlsxWriter.Sheet("Sales and Returns", SalesHeaders, returns.Take(2)));
        XlsxWriter.Write(Path.Combine(folder, files[6].Item1), new XlsxWriter.Sheet("Sales and Returns", SalesHeaders,
        [
            Return("RO-5001", "RMA-77", "C-100", "INV-1001", 2, "BELL-7", -2m, 19.99m, "DAMAGED", "Received", 19),
            Return("RO-5002", "RMA-78", "C-200", "INV-1002", 1, "WHEEL-200", -2m, 89.50m, "DEFECT", "Received", 19),
        ]));
        XlsxWriter.Write(Path.Combine(folder, files[7].Item1), new XlsxWriter.Sheet("Project Invoices", ProjectHeaders,
        [
            Project("PI-3001", 1, "Time", "Anna (designer)", 8m, 200m, null, null),
            Project("PI-3001", 2, "Expense", "Anna (designer)", 1m, 129.50m, null, null),
            Project("PI-3001", 3, "Milestone", "", 1m, 5000m, null, null),
            Project("PI-3001", 4, "Material", "", 4m, 49.90m, null, null),
        ]));
        XlsxWriter.Write(Path.Combine(folder, files[8].Item1), new XlsxWriter.Sheet("Project Invoices", ProjectHeaders,
        [
            Project("PI-3001-C1", 1, "Time", "Anna (designer)", 6m, null, "PI-3001", "Unbilled"),
            Project("PI-3001-C1", 3, "Milestone", "", 0.5m, null, "PI-3001", null),
        ]));
        XlsxWriter.Write(Path.Combine(folder, files[9].Item1), new XlsxWriter.Sheet("Project Invoices", ProjectHeaders,
        [
            Project("PI-3001-C1", 1, "Time", "Anna (designer)", 6m, null, "PI-3001", "Unbilled"),
            Project("PI-3001-C1", 3, "Milestone", "", 0m, null, "PI-3001", null),
            Project("PI-3001-C1", 4, "Material", "", 3m, null, "PI-3001", "Non-chargeable"),
        ]));
        XlsxWriter.Write(Path.Combine(folder, files[10].Item1), new XlsxWriter.Sheet("Project Invoices", ProjectHeaders,
        [
            Project("PI-3001-C2", 1, "Time", "Anna (designer)", 8m, null, "PI-3001-C1", null),
        ]));
        return files;
    }

    private static readonly string[] SalesHeaders =
        ["Order Type", "Order No.", "RMA No.", "Customer No.", "Posting Date", "Invoice No.", "Invoice Line No.", "Item No.", "Quantity", "Unit Price", "Return Reason", "Return Status"];

    private static readonly string[] ProjectHeaders =
        ["Invoice No.", "Line No.", "Project No.", "Customer No.", "Transaction Type", "Resource", "Date", "Quantity", "Unit Price", "Status", "Corrects Invoice No.", "Remainder"];

    // A correction repeats the transaction's date, as Project Operations' corrective invoice keeps it.
    private static object?[] Project(string invoice, int line, string type, string resource, decimal quantity, decimal? price, string? corrects, string? remainder) =>
        [invoice, line, "PRJ-42", "C-300", type, resource, new DateOnly(2026, 11, 10), quantity, price, "Confirmed", corrects, remainder];

    private static object?[] Sale(string order, string customer, string invoice, int line, string item, decimal quantity, decimal price) =>
        ["Sales order", order, null, customer, new DateOnly(2026, 11, 3), invoice, line, item, quantity, price, null, null];

    private static object?[] Return(string order, string rma, string customer, string invoice, int line, string item, decimal quantity, decimal price, string reason, string status, int day) =>
        ["Returned order", order, rma, customer, new DateOnly(2026, 11, day), invoice, line, item, quantity, price, reason, status];

    private static object?[] Line(string date, string document, string prodOrder, string item, string operation, decimal runTime, decimal quantity, long? appliesTo, string comment) =>
        [DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), document, prodOrder, item, operation, runTime, quantity, appliesTo, comment];
}
