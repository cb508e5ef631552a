using System.Globalization;
using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Ledger;
using PluginHost.Contracts.Plugins;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// The one transaction of a batch. Disposing it without <see cref="Commit"/> rolls everything back, so a batch
/// is all in or all out. It checks what a plugin asks to write against the ledger invariants instead of trusting it.
/// </summary>
public sealed partial class LedgerTransaction : IDisposable, IPostingContext
{
    private readonly LedgerStore _store;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Statements _sql;
    private readonly WriteStatements _writes;
    private readonly Dictionary<LedgerKind, long> _nextEntryNo = [];
    private readonly Dictionary<LedgerKind, (long First, long Next)> _handedOut = [];
    // The report's first document totals, kept as entries are written (see DocumentTotals).
    private readonly DocumentTotals _documents = new(BatchSummary.RowLimit);
    // Its counts and sums, kept likewise (see BatchTally).
    private readonly BatchTally _tally = new();

    internal LedgerTransaction(LedgerStore store, SqliteConnection connection, SqliteTransaction transaction)
    {
        _store = store;
        _connection = connection;
        _transaction = transaction;
        _sql = new Statements(connection, transaction);
        _writes = new WriteStatements(connection);
        Reader = new SqliteLedgerReader(_sql);
    }

    /// <summary>Read access for the plugin's look-ups, inside this transaction.</summary>
    public ILedgerReader Reader { get; }

    /// <inheritdoc />
    public long Batch { get; private set; }

    /// <summary>The posted batch of this sheet (any sheet, for null) of a file with this content, seen inside this transaction, or null.</summary>
    public BatchRecord? PostedBatchOf(string fileSha256, string? sheet) => sheet is null
        ? _store.Batches(_transaction, "WHERE file_sha256 = $sha AND status = 'posted'", ("$sha", fileSha256)).FirstOrDefault()
        : _store.Batches(_transaction, "WHERE file_sha256 = $sha AND sheet = $sheet AND status = 'posted'", ("$sha", fileSha256), ("$sheet", sheet)).FirstOrDefault();

    /// <summary>The posted batch of this plugin whose lines had the same <see cref="Workbooks.JournalFingerprint"/>, or null.</summary>
    public BatchRecord? PostedBatchWithContent(string plugin, string contentSha256) =>
        _store.Batches(_transaction, "WHERE plugin = $plugin AND content_sha256 = $content AND status = 'posted'", ("$plugin", plugin), ("$content", contentSha256)).FirstOrDefault();

    /// <summary>Writes the batch record and its messages; sets <see cref="Batch"/>.</summary>
    public long CreateBatch(BatchRecord record, IEnumerable<Problem> messages)
    {
        Batch = (long)_sql.Scalar(
            "INSERT INTO batch (plugin, file_name, file_sha256, sheet, user_name, created_at, line_count, status, workflow, rules_sha256, content_sha256) " +
            "VALUES ($plugin, $file, $sha, $sheet, $user, $at, $lines, $status, $workflow, $rules, $content) RETURNING id",
            ("$plugin", record.Plugin), ("$file", record.FileName), ("$sha", record.FileSha256), ("$sheet", record.Sheet), ("$user", record.User),
            ("$at", record.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)), ("$lines", record.LineCount), ("$status", record.Status),
            ("$workflow", record.Workflow), ("$rules", record.RulesSha256), ("$content", record.ContentSha256))!;
        AddMessages(messages);
        return Batch;
    }

    private void AddMessages(IEnumerable<Problem> messages)
    {
        var seq = 0;
        foreach (var m in messages)
        {
            _sql.Execute(
                "INSERT INTO batch_message (batch, seq, severity, code, sheet, row, column_name, cell, rule, message) VALUES ($b, $seq, $sev, $code, $sheet, $row, $col, $cell, $rule, $msg)",
                ("$b", Batch), ("$seq", ++seq), ("$sev", m.Severity.ToString()), ("$code", m.Code), ("$sheet", m.Where.Sheet), ("$row", m.Where.Row),
                ("$col", m.Where.Column), ("$cell", m.Where.Cell), ("$rule", m.Where.Rule), ("$msg", m.Message));
        }
    }

    /// <summary>
    /// Completes the record of a batch created before its lines were read: the rows read, the lines' fingerprint, and the
    /// messages, known only once the whole sheet is read.
    /// </summary>
    public void CompleteBatch(BatchRecord record, IEnumerable<Problem> messages)
    {
        _sql.Execute("UPDATE batch SET line_count = $lines, content_sha256 = $content WHERE id = $b", ("$lines", record.LineCount), ("$content", record.ContentSha256), ("$b", Batch));
        AddMessages(messages);
    }

    /// <inheritdoc />
    public long NextEntryNo(LedgerKind ledger)
    {
        if (!_nextEntryNo.TryGetValue(ledger, out var next))
        {
            var (table, key) = Table(ledger);
            next = Convert.ToInt64(_sql.Scalar( $"SELECT coalesce(max({key}), 0) + 1 FROM {table}"), CultureInfo.InvariantCulture);
            _handedOut[ledger] = (next, next);
        }
        _nextEntryNo[ledger] = next + 1;
        _handedOut[ledger] = (_handedOut[ledger].First, next + 1);
        return next;
    }

    /// <inheritdoc />
    public string NextDocumentNo(string series)
    {
        if (string.IsNullOrWhiteSpace(series) || series.Length > 20 || !series.All(char.IsAsciiLetterOrDigit))
            throw new LedgerInvariantException($"number series '{series}' must be 1 to 20 letters or digits");
        var last = _sql.Scalar("INSERT INTO number_series (series, last_no) VALUES ($s, 1) ON CONFLICT (series) DO UPDATE SET last_no = last_no + 1 RETURNING last_no", ("$s", series));
        return $"{series}-{Convert.ToInt64(last, CultureInfo.InvariantCulture):000000}";
    }

    /// <summary>Keeps the batch's report model (JSON) with it, so the report can be rendered again exactly as it was.</summary>
    public void SaveReportModel(string json) =>
        _sql.Execute("INSERT INTO batch_report (batch, model) VALUES ($b, $m)", ("$b", Batch), ("$m", json));

    /// <summary>What this batch has written so far, summed and read up to <paramref name="limit"/> rows per table inside the transaction (for its report).</summary>
    public BatchSummary Summary(int limit) => BatchSummaryQueries.Read(_connection, _transaction, Batch, limit, _documents.Limit == limit ? (_documents, _tally) : null);

    /// <summary>Writes a plugin's result, checking every invariant; throws <see cref="LedgerInvariantException"/> when one breaks.</summary>
    public void Write(PostingResult result)
    {
        CheckNumbers(LedgerKind.Item, result.ItemEntries.Select(e => (e.EntryNo, e.Batch)));
        CheckNumbers(LedgerKind.Capacity, result.CapacityEntries.Select(e => (e.EntryNo, e.Batch)));
        CheckNumbers(LedgerKind.Customer, result.CustomerEntries.Select(e => (e.EntryNo, e.Batch)));
        CheckNumbers(LedgerKind.Project, result.ProjectActuals.Select(e => (e.ActualId, e.Batch)));
        CheckBatch(result.ProjectInvoices.Select(d => d.Batch));
        CheckBatch(result.SalesInvoices.Select(d => d.Batch).Concat(result.SalesInvoiceLines.Select(d => d.Batch))
            .Concat(result.CreditNotes.Select(d => d.Batch)).Concat(result.CreditNoteLines.Select(d => d.Batch)));
        try
        {
            foreach (var e in result.ItemEntries)
                InsertItem(e);
            foreach (var application in result.ItemApplications)
                Apply(application);
            foreach (var e in result.CapacityEntries)
                InsertCapacity(e);
            WriteSales(result);
            WriteProjects(result);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19) // SQLITE_CONSTRAINT
        {
            throw new LedgerInvariantException($"the batch breaks a ledger invariant: {ex.Message}");
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            throw new LedgerInvariantException($"a figure cannot be stored exactly: {ex.Message}");
        }
    }

    /// <summary>Makes the batch permanent.</summary>
    public void Commit() => _transaction.Commit();

    /// <inheritdoc />
    public void Dispose()
    {
        _writes.Dispose();
        _sql.Dispose();
        _transaction.Dispose();
    }

    private void CheckNumbers(LedgerKind ledger, IEnumerable<(long EntryNo, long Batch)> entries)
    {
        foreach (var (entryNo, batch) in entries)
        {
            if (batch != Batch)
                throw new LedgerInvariantException($"a {ledger} entry carries batch {batch}, but batch {Batch} is being posted");
            if (!_handedOut.TryGetValue(ledger, out var range) || entryNo < range.First || entryNo >= range.Next)
                throw new LedgerInvariantException($"{ledger} entry number {entryNo} was not handed out by the host (use {nameof(IPostingContext)}.{nameof(NextEntryNo)})");
        }
    }

    private void CheckBatch(IEnumerable<long> batches)
    {
        foreach (var wrong in batches.Where(b => b != Batch).Take(1))
            throw new LedgerInvariantException($"a document carries batch {wrong}, but batch {Batch} is being posted");
    }

    private void InsertItem(ItemLedgerEntry e)
    {
        if (e.RemainingQuantity < 0 || e.RemainingQuantity > Math.Abs(e.Quantity) || e.Open != (e.RemainingQuantity != 0))
            throw new LedgerInvariantException($"item entry {e.EntryNo} (row {e.Row}): remaining quantity {e.RemainingQuantity} must lie between 0 and {Math.Abs(e.Quantity)}, and the entry is open exactly while it is not 0");
        var quantity = Scaled.Quantity(e.Quantity);
        _writes.Item.Bind(1, e.EntryNo).Bind(2, e.Batch).Bind(3, e.Row).Bind(4, EntryRows.Date(e.PostingDate)).Bind(5, e.EntryType.ToString())
            .Bind(6, e.DocumentNo).Bind(7, e.ItemNo).Bind(8, e.ProdOrderNo).Bind(9, e.CustomerNo).Bind(10, quantity)
            .Bind(11, Scaled.Quantity(e.RemainingQuantity)).Bind(12, e.Open ? 1 : 0).Bind(13, e.AppliesToEntry)
            .Execute();
        _documents.Add(e.DocumentNo, 0, quantity);
        _tally.Item(quantity);
    }

    private void Apply(ItemApplication application)
    {
        if (application.Quantity <= 0)
            throw new LedgerInvariantException($"row {application.Row}: a quantity applied to entry {application.EntryNo} must be positive, not {application.Quantity}");
        // One statement in the usual case; only an application that does not fit is looked at again, to say why.
        var quantity = Scaled.Quantity(application.Quantity);
        if (_writes.ApplyItem.Bind(1, quantity).Bind(2, application.EntryNo).Scalar() is not null)
            return;
        if (_sql.Scalar("SELECT remaining_quantity FROM item_entry WHERE entry_no = $n", ("$n", application.EntryNo)) is not long left)
            throw new LedgerInvariantException($"row {application.Row}: item entry {application.EntryNo} does not exist");
        throw new LedgerInvariantException($"row {application.Row}: item entry {application.EntryNo} has {Scaled.Quantity(left)} left; applying {application.Quantity} would take it below zero");
    }

    private void InsertCapacity(CapacityLedgerEntry e)
    {
        var (runTime, output) = (Scaled.Quantity(e.RunTime), Scaled.Quantity(e.OutputQuantity));
        _writes.Capacity.Bind(1, e.EntryNo).Bind(2, e.Batch).Bind(3, e.Row).Bind(4, EntryRows.Date(e.PostingDate)).Bind(5, e.DocumentNo)
            .Bind(6, e.ProdOrderNo).Bind(7, e.OperationNo).Bind(8, e.ItemNo).Bind(9, runTime)
            .Bind(10, output).Bind(11, e.ItemEntryNo == 0 ? null : e.ItemEntryNo).Bind(12, e.ReversesEntryNo)
            .Execute();
        _documents.Add(e.DocumentNo, 1, runTime, output);
        _tally.Capacity(runTime, output);
    }

    private static (string Table, string Key) Table(LedgerKind ledger) => ledger switch
    {
        LedgerKind.Item => ("item_entry", "entry_no"),
        LedgerKind.Capacity => ("capacity_entry", "entry_no"),
        LedgerKind.Customer => ("customer_entry", "entry_no"),
        LedgerKind.Project => ("project_actual", "actual_id"),
        _ => throw new ArgumentOutOfRangeException(nameof(ledger), ledger, "no such ledger"),
    };
}
