using AngleSharp.Html.Parser;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Reports;

/// <summary>
/// Markup and script typed into any text of a workbook (cells, headers, its file name, the user's name) reach the
/// report as text: shown as typed, never run. Checked by parsing each report as a browser would.
/// </summary>
public sealed class ReportEscapingTests : TempFolderTest
{
    private const string Script = "<script>window.pwned=1</script>";
    private const string Attribute = "\"><img src=x onerror=alert(1)>";
    private const string Quote = "' onmouseover='alert(2)";

    public static TheoryData<string> Plugins() => ["output-reversal", "return-credit", "invoice-correction"];

    [Theory]
    [MemberData(nameof(Plugins))]
    public void MarkupInEveryTextOfAWorkbookIsShownAsTextAndRunsNothing(string plugin)
    {
        var db = Temp.File("l.db");
        var folder = Temp.File("<b>files</b>");
        Directory.CreateDirectory(folder);
        var (originals, correction) = Workbooks(plugin);

        var reports = new[] { originals(Path.Combine(folder, "originals<i>.xlsx")), correction(Path.Combine(folder, "correction<i>.xlsx")) }
            .Select(workbook => new PostingPipeline(TestHost.With(db)).Run(new PostingRequest { WorkbookPath = workbook, User = Script + Quote }))
            .Select(outcome => File.ReadAllText(outcome.ReportPath!))
            .ToList();

        Assert.All(reports, html =>
        {
            var document = new HtmlParser().ParseDocument(html);
            Assert.Empty(document.Scripts);
            Assert.Empty(document.Images);
            Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(Script + Quote, document.Body!.TextContent, StringComparison.Ordinal); // the user, as typed
            Assert.Contains("<i>.xlsx", document.Title ?? "", StringComparison.Ordinal); // the file name, as named
        });
        var text = string.Join("\n", reports.Select(r => new HtmlParser().ParseDocument(r).Body!.TextContent));
        Assert.Contains(Attribute, text, StringComparison.Ordinal);  // a cell's value, as typed
        Assert.Contains("Note <u>x</u>", text, StringComparison.Ordinal); // a column posting does not read, named by its header
    }

    /// <summary>Originals and corrections with markup in every text cell the plugin reads, and a header of its own.</summary>
    private static (Func<string, string> Originals, Func<string, string> Correction) Workbooks(string plugin) => plugin switch
    {
        "output-reversal" => (
            p => Write(p, OutputJournal.Headers, "Output Journal", [OutputJournal.Day, "OUT" + Attribute, "PO" + Script, "ITEM" + Quote, "10" + Script, 2m, 10m, null]),
            p => Write(p, OutputJournal.Headers, "Output Journal", [OutputJournal.Day, "REV" + Attribute, "PO" + Script, "ITEM" + Quote, "10" + Script, -1m, -5m, 1L])),
        "return-credit" => (
            p => Write(p, SalesJournal.Headers, "Sales and Returns", ["Sales order", "SO" + Attribute, null, "C" + Script, SalesJournal.InvoiceDay, "INV" + Quote, 1, "ITEM" + Script, 4m, 10m, null, null]),
            p => Write(p, SalesJournal.Headers, "Sales and Returns", ["Returned order", "RO" + Attribute, "RMA" + Script, "C" + Script, SalesJournal.ReturnDay, "INV" + Quote, 1, "ITEM" + Script, -1m, 10m, "DAMAGED" + Script, "Received"])),
        _ => (
            p => Write(p, ProjectJournal.Headers, "Project Invoices", ["INV" + Attribute, 1, "P" + Script, "C" + Quote, "Time", "Anna" + Script, ProjectJournal.Day, 8m, 100m, "Confirmed", null, null]),
            p => Write(p, ProjectJournal.Headers, "Project Invoices", ["INVC" + Attribute, 1, "P" + Script, "C" + Quote, "Time", "Anna" + Script, ProjectJournal.Day, 6m, null, "Confirmed", "INV" + Attribute, Script])),
    };

    private static string Write(string path, string[] headers, string sheet, object?[] row)
    {
        XlsxWriter.Write(path, new XlsxWriter.Sheet(sheet, [.. headers, "Note <u>x</u>"], [[.. row, Script]]));
        return path;
    }
}
