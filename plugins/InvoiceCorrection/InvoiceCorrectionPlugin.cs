using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// Posts project invoices after Project Operations: confirmed invoice lines as billed sales actuals, and corrective
/// invoices with the actuals of Project Operations' table (<see cref="CorrectionActuals"/>): the billed actual reversed,
/// the corrected quantity billed, what a credit takes off kept unbilled (not for a fee's partial credit nor a
/// milestone), and what a raise adds billed from the unbilled first. Its checks live in rules/invoice-correction.json.
/// </summary>
public sealed class InvoiceCorrectionPlugin : IPostingPlugin, IPostsByDocument
{
    /// <inheritdoc />
    public string Name => "invoice-correction";

    /// <inheritdoc />
    public string Description => "Project invoices: posts confirmed invoice lines as billed actuals and corrects them with corrective invoices (Project Operations).";

    /// <inheritdoc />
    public JournalSchema Schema { get; } = new(typeof(ProjectInvoiceLine), ["Project Invoices", "Corrective Invoices", "Projektfakturor", "Prosjektfakturaer"])
    {
        SheetNameByLanguage = new Dictionary<string, string> { ["en"] = "Project Invoices", ["sv"] = "Projektfakturor", ["nb"] = "Prosjektfakturaer" },
    };

    /// <inheritdoc />
    public IReadOnlyList<RuleInput> RuleInputs { get; } =
    [
        new("line", typeof(ProjectInvoiceLine), "the journal line"),
        new("corrected", typeof(CorrectedLine), "for a correction: the transaction it corrects, as billed and unbilled now over its chain of invoices"),
        new("invoice", typeof(InvoiceFacts), "the line's own invoice as the ledger and the rows above know it"),
    ];

    /// <inheritdoc />
    public IBatchFacts BeginBatch(ILedgerReader ledger) => new InvoiceCorrectionFacts(ledger);

    /// <summary>A line belongs to its invoice (a corrective invoice included).</summary>
    public string DocumentOf(JournalLine line) => ((ProjectInvoiceLine)line).InvoiceNo;

    /// <inheritdoc />
    public PostingResult Post(IReadOnlyList<PostingLine> lines, IPostingContext context)
    {
        var invoices = new List<ProjectInvoice>();
        var actuals = new List<ProjectActual>();
        foreach (var invoice in lines.GroupBy(l => ((ProjectInvoiceLine)l.Line).InvoiceNo, StringComparer.Ordinal))
        {
            var first = (ProjectInvoiceLine)invoice.First().Line;
            // Only confirmed lines are invoices: a draft posts nothing even if a consultant turned its rule into a warning.
            var posted = invoice.Where(l => ((ProjectInvoiceLine)l.Line).StatusKey == "confirmed")
                .SelectMany(l => ActualsOf((ProjectInvoiceLine)l.Line, (CorrectedLine)l.Facts[0]!, context)).ToList();
            if (posted.Count == 0)
                continue; // a corrective invoice whose lines are all unchanged posts nothing, not even itself
            actuals.AddRange(posted);
            invoices.Add(new ProjectInvoice
            {
                InvoiceNo = first.InvoiceNo, Batch = context.Batch, Row = first.Row, ProjectNo = first.ProjectNo, CustomerNo = first.CustomerNo,
                Status = "Confirmed", CorrectsInvoiceNo = first.IsCorrection ? first.CorrectsInvoiceNo : null,
            });
        }
        return new PostingResult { ProjectInvoices = invoices, ProjectActuals = actuals };
    }

    private static IEnumerable<ProjectActual> ActualsOf(ProjectInvoiceLine line, CorrectedLine corrected, IPostingContext context) =>
        line.IsCorrection ? new CorrectionActuals(line, corrected, context).Post() : [Billed(line, context)];

    /// <summary>An original invoice line: billed sales for its quantity; a fee, milestone or material line carries no resource.</summary>
    private static ProjectActual Billed(ProjectInvoiceLine line, IPostingContext context) => new()
    {
        ActualId = context.NextEntryNo(LedgerKind.Project),
        Batch = context.Batch,
        Row = line.Row,
        ProjectNo = line.ProjectNo,
        InvoiceNo = line.InvoiceNo,
        InvoiceLineNo = line.LineNo,
        TransactionType = line.TransactionTypeName,
        Resource = line.HasResource ? line.Resource : "",
        Date = line.Date!.Value,
        Quantity = line.Quantity,
        UnitPrice = line.UnitPrice,
        Amount = Math.Round(line.Quantity * line.UnitPrice, 2, MidpointRounding.AwayFromZero),
        ActualType = ProjectActualType.BilledSales,
        Chargeable = true,
        Correction = false,
    };
}
