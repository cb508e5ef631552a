using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PluginHost.Contracts.Documents;
using PluginHost.Contracts.Ledger;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// The ledgers as a plugin sees them while it looks up facts: inside the batch's transaction. The batch look-ups send
/// their keys as one JSON array per few thousand keys (<c>json_each</c>), so each is one prepared statement whatever the count.
/// </summary>
internal sealed class SqliteLedgerReader(Statements sql) : ILedgerReader, ILedgerBatchReader
{
    private const int KeysPerQuery = 5000;

    public IReadOnlyDictionary<long, ItemLedgerEntry> FindItemEntries(IReadOnlyCollection<long> entryNos)
    {
        var found = new Dictionary<long, ItemLedgerEntry>();
        foreach (var keys in JsonChunks(entryNos))
        {
            foreach (var entry in sql.Query($"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE entry_no IN (SELECT value FROM json_each($keys))", EntryRows.Item, ("$keys", keys)))
                found[entry.EntryNo] = entry;
        }
        return found;
    }

    public IReadOnlyDictionary<long, CapacityLedgerEntry> FindCapacityEntriesOfItemEntries(IReadOnlyCollection<long> itemEntryNos)
    {
        var found = new Dictionary<long, CapacityLedgerEntry>();
        foreach (var keys in JsonChunks(itemEntryNos))
        {
            // The first by entry number, as the single look-up answers.
            foreach (var entry in sql.Query($"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE item_entry_no IN (SELECT value FROM json_each($keys)) ORDER BY entry_no", EntryRows.Capacity, ("$keys", keys)))
                found.TryAdd(entry.ItemEntryNo, entry);
        }
        return found;
    }

    public IReadOnlyDictionary<long, decimal> ReversedRunTimes(IReadOnlyCollection<long> capacityEntryNos)
    {
        var found = new Dictionary<long, decimal>();
        foreach (var keys in JsonChunks(capacityEntryNos))
        {
            foreach (var (entryNo, runTime) in sql.Query("SELECT reverses_entry_no, sum(run_time) FROM capacity_entry WHERE reverses_entry_no IN (SELECT value FROM json_each($keys)) GROUP BY reverses_entry_no",
                         r => (r.GetInt64(0), r.GetInt64(1)), ("$keys", keys)))
                found[entryNo] = -Scaled.Quantity(runTime);
        }
        return found;
    }

    public IReadOnlyDictionary<(string ProdOrderNo, string OperationNo), decimal> PostedRunTimes(IReadOnlyCollection<(string ProdOrderNo, string OperationNo)> operations) =>
        OnePerKey(operations, AppendOperation, EqualityComparer<(string, string)>.Default, r => Scaled.Quantity(r.GetInt64(0)),
            "SELECT sum(c.run_time), k.key FROM json_each($keys) k CROSS JOIN capacity_entry c " +
            "WHERE c.prod_order_no = json_extract(k.value, '$[0]') AND c.operation_no = json_extract(k.value, '$[1]') GROUP BY k.key");

    public IReadOnlyDictionary<string, SalesInvoice> FindSalesInvoices(IReadOnlyCollection<string> invoiceNos) =>
        OnePerKey(invoiceNos, AppendString, StringComparer.Ordinal, DocumentRows.Invoice,
            $"SELECT {Prefixed("i", DocumentRows.InvoiceColumns)}, k.key FROM json_each($keys) k CROSS JOIN sales_invoice i WHERE i.invoice_no = k.value");

    public IReadOnlyDictionary<(string InvoiceNo, int LineNo), SalesInvoiceLine> FindSalesInvoiceLines(IReadOnlyCollection<(string InvoiceNo, int LineNo)> lines) =>
        OnePerKey(lines, AppendLine, EqualityComparer<(string, int)>.Default, DocumentRows.InvoiceLine,
            $"SELECT {Prefixed("l", DocumentRows.InvoiceLineColumns)}, k.key FROM json_each($keys) k CROSS JOIN sales_invoice_line l " +
            "WHERE l.invoice_no = json_extract(k.value, '$[0]') AND l.line_no = json_extract(k.value, '$[1]')");

    // In the order of the single look-up within each key: by credit note, then line.
    public IReadOnlyDictionary<(string ReturnOrderNo, string InvoiceNo, int InvoiceLineNo), IReadOnlyList<CreditNoteLine>> CreditNoteLinesForInvoiceLines(
        IReadOnlyCollection<(string ReturnOrderNo, string InvoiceNo, int InvoiceLineNo)> keys) =>
        AllPerKey(keys, AppendCredit, EqualityComparer<(string, string, int)>.Default, DocumentRows.CreditNoteLine,
            $"SELECT {Prefixed("l", DocumentRows.CreditNoteLineColumns)}, k.key FROM json_each($keys) k CROSS JOIN credit_note_line l CROSS JOIN credit_note n " +
            "WHERE l.invoice_no = json_extract(k.value, '$[1]') AND l.invoice_line_no = json_extract(k.value, '$[2]') " +
            "AND n.credit_note_no = l.credit_note_no AND n.return_order_no = json_extract(k.value, '$[0]') ORDER BY l.credit_note_no, l.line_no");

    public IReadOnlyDictionary<string, ProjectInvoice> FindProjectInvoices(IReadOnlyCollection<string> invoiceNos) =>
        OnePerKey(invoiceNos, AppendString, StringComparer.Ordinal, DocumentRows.ProjectInvoice,
            $"SELECT {Prefixed("p", DocumentRows.ProjectInvoiceColumns)}, k.key FROM json_each($keys) k CROSS JOIN project_invoice p WHERE p.invoice_no = k.value");

    // Oldest first within each line, as the single look-up.
    public IReadOnlyDictionary<(string InvoiceNo, int LineNo), IReadOnlyList<ProjectActual>> ProjectActualsOfLines(IReadOnlyCollection<(string InvoiceNo, int LineNo)> lines) =>
        AllPerKey(lines, AppendLine, EqualityComparer<(string, int)>.Default, EntryRows.Project,
            $"SELECT {Prefixed("a", EntryRows.ProjectColumns)}, k.key FROM json_each($keys) k CROSS JOIN project_actual a " +
            "WHERE a.invoice_no = json_extract(k.value, '$[0]') AND a.invoice_line_no = json_extract(k.value, '$[1]') ORDER BY a.actual_id");

    // Oldest first within each invoice, as the single look-up.
    public IReadOnlyDictionary<string, IReadOnlyList<ProjectInvoice>> CorrectionsOfInvoices(IReadOnlyCollection<string> invoiceNos) =>
        AllPerKey(invoiceNos, AppendString, StringComparer.Ordinal, DocumentRows.ProjectInvoice,
            $"SELECT {Prefixed("p", DocumentRows.ProjectInvoiceColumns)}, k.key FROM json_each($keys) k CROSS JOIN project_invoice p WHERE p.corrects_invoice_no = k.value ORDER BY p.batch, p.invoice_no");

    /// <summary>The row found for each key asked (a key with none is absent); <paramref name="query"/> selects <c>k.key</c> last.</summary>
    private Dictionary<TKey, T> OnePerKey<TKey, T>(IReadOnlyCollection<TKey> keys, Action<StringBuilder, TKey> append, IEqualityComparer<TKey> comparer,
        Func<SqliteDataReader, T> map, string query) where TKey : notnull
    {
        var found = new Dictionary<TKey, T>(comparer);
        foreach (var (key, row) in Keyed(keys, append, map, query))
            found[key] = row;
        return found;
    }

    /// <summary>The rows found for each key asked, in the query's order (a key with none is absent).</summary>
    private Dictionary<TKey, IReadOnlyList<T>> AllPerKey<TKey, T>(IReadOnlyCollection<TKey> keys, Action<StringBuilder, TKey> append, IEqualityComparer<TKey> comparer,
        Func<SqliteDataReader, T> map, string query) where TKey : notnull
    {
        var found = new Dictionary<TKey, IReadOnlyList<T>>(comparer);
        foreach (var (key, row) in Keyed(keys, append, map, query))
        {
            if (!found.TryGetValue(key, out var list))
                found.Add(key, list = new List<T>());
            ((List<T>)list).Add(row);
        }
        return found;
    }

    /// <summary>Each row of a keyed batch query with the key it answers, exactly as that key was asked.</summary>
    private IEnumerable<(TKey Key, T Row)> Keyed<TKey, T>(IReadOnlyCollection<TKey> keys, Action<StringBuilder, TKey> append, Func<SqliteDataReader, T> map, string query)
    {
        foreach (var (asked, json) in KeyedJsonChunks(keys, append))
        {
            foreach (var (index, row) in sql.Query(query, r => (KeyOf(r), map(r)), ("$keys", json)))
                yield return (asked[index], row);
        }
    }

    private static IEnumerable<string> JsonChunks(IReadOnlyCollection<long> keys) =>
        keys.Distinct().Chunk(KeysPerQuery).Select(chunk => "[" + string.Join(',', chunk.Select(k => k.ToString(CultureInfo.InvariantCulture))) + "]");

    /// <summary>
    /// The distinct keys a few thousand at a time, each with its JSON array; the queries select <c>k.key</c> (the index in
    /// that array) last, so every row is answered under the key that was asked, exactly as the single look-up was asked.
    /// </summary>
    private static IEnumerable<(TKey[] Keys, string Json)> KeyedJsonChunks<TKey>(IReadOnlyCollection<TKey> keys, Action<StringBuilder, TKey> append)
    {
        foreach (var chunk in keys.Distinct().Chunk(KeysPerQuery))
        {
            var json = new StringBuilder().Append('[');
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0)
                    json.Append(',');
                append(json, chunk[i]);
            }
            yield return (chunk, json.Append(']').ToString());
        }
    }

    private static int KeyOf(SqliteDataReader row) => row.GetInt32(row.FieldCount - 1);

    private static string Prefixed(string alias, string columns) => string.Join(", ", columns.Split(", ").Select(c => alias + "." + c));

    private static void AppendLine(StringBuilder json, (string InvoiceNo, int LineNo) key)
    {
        json.Append('[');
        AppendString(json, key.InvoiceNo);
        json.Append(',').Append(key.LineNo.ToString(CultureInfo.InvariantCulture)).Append(']');
    }

    private static void AppendOperation(StringBuilder json, (string ProdOrderNo, string OperationNo) key)
    {
        json.Append('[');
        AppendString(json, key.ProdOrderNo);
        json.Append(',');
        AppendString(json, key.OperationNo);
        json.Append(']');
    }

    private static void AppendCredit(StringBuilder json, (string ReturnOrderNo, string InvoiceNo, int InvoiceLineNo) key)
    {
        json.Append('[');
        AppendString(json, key.ReturnOrderNo);
        json.Append(',');
        AppendString(json, key.InvoiceNo);
        json.Append(',').Append(key.InvoiceLineNo.ToString(CultureInfo.InvariantCulture)).Append(']');
    }

    /// <summary>
    /// A JSON string whose characters are the string's own, escaping only what JSON must: SQLite then reads the same text
    /// from it as it reads from the string bound to a single look-up (both are encoded to UTF-8 the same way).
    /// </summary>
    private static void AppendString(StringBuilder json, string? value)
    {
        if (value is null)
        {
            json.Append("null"); // matches nothing, as a null bound to a single look-up
            return;
        }
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        json.Append('"');
    }

    public ItemLedgerEntry? FindItemEntry(long entryNo) =>
        sql.First($"SELECT {EntryRows.ItemColumns} FROM item_entry WHERE entry_no = $n", EntryRows.Item, ("$n", entryNo));

    public CapacityLedgerEntry? FindCapacityEntryOfItemEntry(long itemEntryNo) =>
        sql.First($"SELECT {EntryRows.CapacityColumns} FROM capacity_entry WHERE item_entry_no = $n ORDER BY entry_no LIMIT 1", EntryRows.Capacity, ("$n", itemEntryNo));

    public decimal ReversedRunTime(long capacityEntryNo) =>
        -Scaled.Quantity(Convert.ToInt64(sql.Scalar("SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE reverses_entry_no = $n", ("$n", capacityEntryNo)), CultureInfo.InvariantCulture));

    public decimal PostedRunTime(string prodOrderNo, string operationNo) =>
        Scaled.Quantity(Convert.ToInt64(sql.Scalar("SELECT coalesce(sum(run_time), 0) FROM capacity_entry WHERE prod_order_no = $p AND operation_no = $o", ("$p", prodOrderNo), ("$o", operationNo)), CultureInfo.InvariantCulture));

    public SalesInvoice? FindSalesInvoice(string invoiceNo) =>
        sql.First($"SELECT {DocumentRows.InvoiceColumns} FROM sales_invoice WHERE invoice_no = $n", DocumentRows.Invoice, ("$n", invoiceNo));

    public SalesInvoiceLine? FindSalesInvoiceLine(string invoiceNo, int lineNo) =>
        sql.First($"SELECT {DocumentRows.InvoiceLineColumns} FROM sales_invoice_line WHERE invoice_no = $n AND line_no = $l", DocumentRows.InvoiceLine, ("$n", invoiceNo), ("$l", lineNo));

    public CustomerLedgerEntry? FindCustomerEntry(CustomerDocumentType type, string documentNo) =>
        sql.First($"SELECT {EntryRows.CustomerColumns} FROM customer_entry WHERE document_type = $t AND document_no = $n ORDER BY entry_no LIMIT 1", EntryRows.Customer, ("$t", type.ToString()), ("$n", documentNo));

    public IReadOnlyList<CreditNoteLine> CreditNoteLinesFor(string returnOrderNo, string invoiceNo, int invoiceLineNo) =>
        sql.Query(
            $"SELECT {Prefixed("l", DocumentRows.CreditNoteLineColumns)} FROM credit_note_line l JOIN credit_note n ON n.credit_note_no = l.credit_note_no " +
            "WHERE n.return_order_no = $o AND l.invoice_no = $i AND l.invoice_line_no = $l ORDER BY l.credit_note_no, l.line_no",
            DocumentRows.CreditNoteLine, ("$o", returnOrderNo), ("$i", invoiceNo), ("$l", invoiceLineNo));

    public ProjectInvoice? FindProjectInvoice(string invoiceNo) =>
        sql.First($"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE invoice_no = $n", DocumentRows.ProjectInvoice, ("$n", invoiceNo));

    public IReadOnlyList<ProjectActual> ProjectActualsOf(string invoiceNo, int lineNo) =>
        sql.Query( $"SELECT {EntryRows.ProjectColumns} FROM project_actual WHERE invoice_no = $n AND invoice_line_no = $l ORDER BY actual_id", EntryRows.Project, ("$n", invoiceNo), ("$l", lineNo));

    public IReadOnlyList<ProjectInvoice> CorrectionsOf(string invoiceNo) =>
        sql.Query( $"SELECT {DocumentRows.ProjectInvoiceColumns} FROM project_invoice WHERE corrects_invoice_no = $n ORDER BY batch, invoice_no", DocumentRows.ProjectInvoice, ("$n", invoiceNo));
}
