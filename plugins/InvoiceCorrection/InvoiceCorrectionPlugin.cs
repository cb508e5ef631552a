using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>
/// Posts project invoices after Project Operations: confirmed invoice lines as billed sales actuals, and corrective
/// invoices that reverse the billed actual, bill the corrected quantity and keep the difference as unbilled sales.
/// Its checks live in rules/invoice-correction.json.
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
        new("corrected", typeof(CorrectedLine), "for a correction: the invoice line it corrects, as billed now"),
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
        line.IsCorrection
            ? Correct(line, corrected, context)
            : [Actual(line, context, line.Quantity, line.UnitPrice, ProjectActualType.BilledSales, chargeable: true)];

    /// <summary>
    /// The actuals of one corrected line: the billed actual reversed, the corrected quantity billed when above zero, and a
    /// drop kept as unbilled sales (chargeable unless the line says Non-chargeable). An unchanged line posts nothing.
    /// </summary>
    private static IEnumerable<ProjectActual> Correct(ProjectInvoiceLine line, CorrectedLine corrected, IPostingContext context)
    {
        if (line.Quantity == corrected.BilledQuantity)
            yield break;
        var price = corrected.UnitPrice;
        if (corrected.BilledActualId != 0)
            yield return Actual(line, context, -corrected.BilledQuantity, price, ProjectActualType.BilledSales, chargeable: true) with
            {
                // A reversal mirrors the actual it takes back: same project, resource and type, whatever the row says.
                Amount = -corrected.BilledAmount, ReversesActualId = corrected.BilledActualId, Correction = true,
                ProjectNo = corrected.ProjectNo, Resource = corrected.Resource, TransactionType = corrected.TransactionType,
            };
        var billed = line.Quantity > 0
            ? Actual(line, context, line.Quantity, price, ProjectActualType.BilledSales, chargeable: true) with { Correction = true }
            : null;
        if (billed is not null)
            yield return billed;
        // The unbilled remainder is the amount taken off, not its own rounding of quantity times price, so billed and
        // unbilled together still add up to the cent to what was billed before.
        if (line.Quantity < corrected.BilledQuantity)
            yield return Actual(line, context, corrected.BilledQuantity - line.Quantity, price, ProjectActualType.UnbilledSales, chargeable: !line.NonChargeable) with
            {
                Amount = corrected.BilledAmount - (billed?.Amount ?? 0), Correction = true,
            };
    }

    private static ProjectActual Actual(ProjectInvoiceLine line, IPostingContext context, decimal quantity, decimal price, ProjectActualType type, bool chargeable) => new()
    {
        ActualId = context.NextEntryNo(LedgerKind.Project),
        Batch = context.Batch,
        Row = line.Row,
        ProjectNo = line.ProjectNo,
        InvoiceNo = line.InvoiceNo,
        InvoiceLineNo = line.LineNo,
        TransactionType = line.TransactionTypeName,
        Resource = line.Resource,
        Date = line.Date!.Value,
        Quantity = quantity,
        UnitPrice = price,
        Amount = Math.Round(quantity * price, 2, MidpointRounding.AwayFromZero),
        ActualType = type,
        Chargeable = chargeable,
        Correction = false,
    };
}
