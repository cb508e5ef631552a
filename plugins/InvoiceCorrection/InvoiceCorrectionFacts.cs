using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Journal;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;

namespace PluginHost.Plugins.InvoiceCorrection;

/// <summary>Looks up the invoice line each correction corrects, and keeps what the rows above already said about each invoice.</summary>
internal sealed class InvoiceCorrectionFacts(ILedgerReader ledger) : IBatchFacts, IBatchFactsLookAhead
{
    private const int MaxHops = 1000;

    /// <summary>
    /// What one chunk's lines look up, fetched at once: only the keys in the asked sets are answered from here, any other
    /// key is looked up alone. Each chunk replaces the last one's, so a long batch does not keep them all.
    /// </summary>
    private sealed record Found(
        HashSet<string> InvoicesAsked, IReadOnlyDictionary<string, ProjectInvoice> Invoices, HashSet<(string InvoiceNo, int LineNo)> LinesAsked,
        IReadOnlyDictionary<(string InvoiceNo, int LineNo), IReadOnlyList<ProjectActual>> Actuals,
        IReadOnlyDictionary<(string InvoiceNo, int LineNo), List<ProjectActual>> EarlierActuals,
        IReadOnlyDictionary<(string InvoiceNo, int LineNo), string> LatestCorrections);

    private Found? _found;

    /// <summary>
    /// Looks up the invoices the lines name or correct, the actuals of each corrected line on its invoice and on the
    /// invoices before it, and the chain of corrective invoices that took it over, a few queries per hop of the chains when
    /// the ledger can (<see cref="ILedgerBatchReader"/>);
    /// <see cref="FactsFor"/> then reads them from here.
    /// </summary>
    public void Prefetch(IReadOnlyList<JournalLine> lines) => UseLookAhead(LookAhead(lines, ledger));

    public object? LookAhead(IReadOnlyList<JournalLine> lines, ILedgerReader reader)
    {
        if (reader is not ILedgerBatchReader batch)
            return null;
        var project = lines.OfType<ProjectInvoiceLine>().ToList();
        var invoicesAsked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in project)
        {
            if (!string.IsNullOrWhiteSpace(line.InvoiceNo))
                invoicesAsked.Add(line.InvoiceNo);
            if (line.IsCorrection)
                invoicesAsked.Add(line.CorrectsInvoiceNo);
        }
        var invoices = batch.FindProjectInvoices(invoicesAsked);
        // As CorrectedLineOf asks: the actuals and corrections only of a line of an invoice that exists.
        var linesAsked = project.Where(l => l.IsCorrection && invoices.ContainsKey(l.CorrectsInvoiceNo))
            .Select(l => (invoices[l.CorrectsInvoiceNo].InvoiceNo, l.LineNo)).ToHashSet();
        var earlier = TransactionHistory.EarlierActuals(linesAsked.Select(l => (l, invoices[l.InvoiceNo])), batch.FindProjectInvoices, batch.ProjectActualsOfLines);
        return new Found(invoicesAsked, invoices, linesAsked, batch.ProjectActualsOfLines(linesAsked), earlier, LatestCorrectionsOf(batch, linesAsked));
    }

    public void UseLookAhead(object? found) => _found = (Found?)found;

    /// <summary>
    /// <see cref="LatestCorrectionOf"/> for many lines at once: every chain takes one hop per round, two queries a round
    /// for all of them; a line absent from the answer was never corrected.
    /// </summary>
    private static Dictionary<(string InvoiceNo, int LineNo), string> LatestCorrectionsOf(ILedgerBatchReader batch, IReadOnlyCollection<(string InvoiceNo, int LineNo)> lines)
    {
        var latest = new Dictionary<(string InvoiceNo, int LineNo), string>();
        var current = lines.ToDictionary(l => l, l => l.InvoiceNo);
        for (var hops = 0; hops < MaxHops && current.Count > 0; hops++)
        {
            var corrections = batch.CorrectionsOfInvoices(current.Values.ToHashSet(StringComparer.Ordinal));
            if (corrections.Count == 0)
                break;
            var candidates = new HashSet<(string InvoiceNo, int LineNo)>();
            foreach (var (line, invoiceNo) in current)
            {
                foreach (var correction in corrections.GetValueOrDefault(invoiceNo) ?? [])
                    candidates.Add((correction.InvoiceNo, line.LineNo));
            }
            var onLine = batch.ProjectActualsOfLines(candidates);
            var next = new Dictionary<(string InvoiceNo, int LineNo), string>();
            foreach (var (line, invoiceNo) in current)
            {
                if ((corrections.GetValueOrDefault(invoiceNo) ?? []).LastOrDefault(c => onLine.ContainsKey((c.InvoiceNo, line.LineNo))) is { } taken)
                    latest[line] = next[line] = taken.InvoiceNo;
            }
            current = next;
        }
        return latest;
    }

    private ProjectInvoice? Invoice(string invoiceNo) =>
        _found is { } found && found.InvoicesAsked.Contains(invoiceNo) ? found.Invoices.GetValueOrDefault(invoiceNo) : ledger.FindProjectInvoice(invoiceNo);

    private IReadOnlyList<ProjectActual> ActualsOf(string invoiceNo, int lineNo) =>
        _found is { } found && found.LinesAsked.Contains((invoiceNo, lineNo)) ? found.Actuals.GetValueOrDefault((invoiceNo, lineNo)) ?? [] : ledger.ProjectActualsOf(invoiceNo, lineNo);

    private List<ProjectActual> EarlierActualsOf(ProjectInvoice invoice, int lineNo) =>
        _found is { } found && found.LinesAsked.Contains((invoice.InvoiceNo, lineNo))
            ? found.EarlierActuals[(invoice.InvoiceNo, lineNo)]
            : TransactionHistory.EarlierActuals([((invoice.InvoiceNo, lineNo), invoice)], InvoicesOneByOne, ActualsOneByOne)[(invoice.InvoiceNo, lineNo)];

    private Dictionary<string, ProjectInvoice> InvoicesOneByOne(IReadOnlyCollection<string> invoiceNos) =>
        invoiceNos.Select(ledger.FindProjectInvoice).OfType<ProjectInvoice>().ToDictionary(i => i.InvoiceNo, StringComparer.Ordinal);

    private Dictionary<(string InvoiceNo, int LineNo), IReadOnlyList<ProjectActual>> ActualsOneByOne(IReadOnlyCollection<(string InvoiceNo, int LineNo)> lines) =>
        lines.ToDictionary(l => l, l => ledger.ProjectActualsOf(l.InvoiceNo, l.LineNo));

    private string LatestCorrection(string invoiceNo, int lineNo) =>
        _found is { } found && found.LinesAsked.Contains((invoiceNo, lineNo)) ? found.LatestCorrections.GetValueOrDefault((invoiceNo, lineNo)) ?? "" : LatestCorrectionOf(invoiceNo, lineNo);

    // What later lines of an invoice are compared with, kept for every invoice of the batch: its first line's figures,
    // not the line, so that a long batch holds a few fields per invoice rather than whole lines.
    private sealed record FirstLine(int Row, string ProjectNo, string CustomerNo, string CorrectsInvoiceNo);

    private readonly Dictionary<string, FirstLine> _firstOfInvoice = new(StringComparer.Ordinal);
    private readonly HashSet<(string Invoice, int Line)> _linesAbove = [];
    private readonly HashSet<(string Invoice, int Line)> _correctedAbove = [];

    public IReadOnlyList<object?> FactsFor(JournalLine journalLine)
    {
        var line = (ProjectInvoiceLine)journalLine;
        var corrected = line.IsCorrection ? CorrectedLineOf(line) : CorrectedLine.None;
        return [corrected, InvoiceOf(line)];
    }

    private CorrectedLine CorrectedLineOf(ProjectInvoiceLine line)
    {
        var above = !_correctedAbove.Add((line.CorrectsInvoiceNo, line.LineNo));
        var invoice = Invoice(line.CorrectsInvoiceNo);
        if (invoice is null)
            return new CorrectedLine { CorrectedAbove = above };
        var onInvoice = ActualsOf(invoice.InvoiceNo, line.LineNo);
        if (onInvoice.Count == 0)
            return TransactionHistory.Standing([], invoice, lineOnInvoice: false, "", above);
        return TransactionHistory.Standing([.. EarlierActualsOf(invoice, line.LineNo), .. onInvoice], invoice, lineOnInvoice: true,
            LatestCorrection(invoice.InvoiceNo, line.LineNo), above);
    }

    /// <summary>Follows the corrective invoices that took over a line, to the last; empty when the line was never corrected.</summary>
    private string LatestCorrectionOf(string invoiceNo, int lineNo)
    {
        var latest = "";
        var current = invoiceNo;
        for (var hops = 0; hops < MaxHops; hops++)
        {
            var next = ledger.CorrectionsOf(current).LastOrDefault(c => ledger.ProjectActualsOf(c.InvoiceNo, lineNo).Count > 0);
            if (next is null)
                return latest;
            latest = current = next.InvoiceNo;
        }
        return latest;
    }

    private InvoiceFacts InvoiceOf(ProjectInvoiceLine line)
    {
        var posted = string.IsNullOrWhiteSpace(line.InvoiceNo) ? null : Invoice(line.InvoiceNo);
        var lineAbove = !_linesAbove.Add((line.InvoiceNo, line.LineNo));
        if (string.IsNullOrWhiteSpace(line.InvoiceNo) || !_firstOfInvoice.TryGetValue(line.InvoiceNo, out var first))
        {
            if (!string.IsNullOrWhiteSpace(line.InvoiceNo))
                _firstOfInvoice[line.InvoiceNo] = new FirstLine(line.Row, line.ProjectNo, line.CustomerNo, line.CorrectsInvoiceNo);
            return new InvoiceFacts { AlreadyPosted = posted is not null, PostedInBatch = posted?.Batch ?? 0, LineUsedAbove = lineAbove };
        }
        return new InvoiceFacts
        {
            AlreadyPosted = posted is not null, PostedInBatch = posted?.Batch ?? 0, LineUsedAbove = lineAbove, FirstRow = first.Row,
            ProjectNoAbove = first.ProjectNo, CustomerNoAbove = first.CustomerNo, CorrectsInvoiceNoAbove = first.CorrectsInvoiceNo,
        };
    }
}
