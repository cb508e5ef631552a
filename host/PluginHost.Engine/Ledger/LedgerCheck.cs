using Microsoft.Data.Sqlite;

namespace PluginHost.Engine.Ledger;

/// <summary>
/// Verifies a ledger database (<c>pluginhost check</c>): SQLite's own integrity and foreign keys, and every ledger
/// invariant of DESIGN.md recomputed from the entries themselves, each violation named with its entry or document.
/// </summary>
public static class LedgerCheck
{
    /// <summary>A named invariant and the SQL that lists its violations (one text per violating row).</summary>
    private sealed record Invariant(string Name, string Sql);

    private static readonly Invariant[] Invariants =
    [
        new("remaining quantities lie between 0 and the entry's quantity, and an entry is open exactly while something remains",
            "SELECT 'item entry ' || entry_no || ': remaining ' || " + Q("remaining_quantity") + " || ', quantity ' || " + Q("quantity") + " || ', open ' || open FROM item_entry " +
            "WHERE remaining_quantity < 0 OR remaining_quantity > abs(quantity) OR open <> (remaining_quantity <> 0)"),
        new("an inbound entry (output, or returned goods back in stock) keeps as remaining its quantity less what was applied to it",
            "SELECT 'item entry ' || e.entry_no || ': remaining ' || " + Q("e.remaining_quantity") + " || ', but quantity ' || " + Q("e.quantity") + " || ' less applied ' || " + Q("coalesce(sum(abs(r.quantity)), 0)") + " " +
            "FROM item_entry e LEFT JOIN item_entry r ON r.applies_to_entry = e.entry_no WHERE e.quantity > 0 AND (e.entry_type = 'Output' AND e.applies_to_entry IS NULL OR e.entry_type = 'Sale') " +
            "GROUP BY e.entry_no HAVING e.remaining_quantity <> e.quantity - coalesce(sum(abs(r.quantity)), 0)"),
        new("a sale entry's remaining quantity is what was sold less what was returned against it",
            "SELECT 'item entry ' || e.entry_no || ': remaining ' || " + Q("e.remaining_quantity") + " || ', but sold ' || " + Q("(-e.quantity)") + " || ' less returns ' || " + Q("coalesce(sum(r.quantity), 0)") + " " +
            "FROM item_entry e LEFT JOIN item_entry r ON r.applies_to_entry = e.entry_no WHERE e.entry_type = 'Sale' AND e.quantity < 0 " +
            "GROUP BY e.entry_no HAVING e.remaining_quantity <> -e.quantity - coalesce(sum(r.quantity), 0)"),
        new("an entry is applied to at most up to its quantity",
            "SELECT 'item entry ' || e.entry_no || ': quantity ' || " + Q("e.quantity") + " || ', applied ' || " + Q("sum(abs(r.quantity))") + " FROM item_entry e JOIN item_entry r ON r.applies_to_entry = e.entry_no " +
            "GROUP BY e.entry_no HAVING sum(abs(r.quantity)) > abs(e.quantity)"),
        new("a capacity entry is reversed at most up to its run time and output",
            "SELECT 'capacity entry ' || c.entry_no || ': run time ' || " + Q("c.run_time") + " || ', reversed ' || " + Q("sum(-r.run_time)") + " FROM capacity_entry c JOIN capacity_entry r ON r.reverses_entry_no = c.entry_no " +
            "GROUP BY c.entry_no HAVING c.run_time + sum(r.run_time) < 0 OR c.output_quantity + sum(r.output_quantity) < 0"),
        new("the run time posted on an operation of a production order never falls below zero",
            "SELECT 'production order ' || prod_order_no || ' operation ' || operation_no || ': run time ' || " + Q("sum(run_time)") + " FROM capacity_entry " +
            "GROUP BY prod_order_no, operation_no HAVING sum(run_time) < 0"),
        new("a credit never exceeds what was invoiced: an invoice's open amount is its amount less the credits applied to it",
            "SELECT 'invoice ' || i.document_no || ': open ' || " + A("i.remaining_amount") + " || ', but amount ' || " + A("i.amount") + " || ' less credits ' || " + A("coalesce(sum(-c.amount), 0)") + " " +
            "FROM customer_entry i LEFT JOIN customer_entry c ON c.document_type = 'CreditMemo' AND c.applies_to_document_no = i.document_no WHERE i.document_type = 'Invoice' " +
            "GROUP BY i.entry_no HAVING i.remaining_amount <> i.amount - coalesce(sum(-c.amount), 0) OR i.remaining_amount < 0"),
        new("an invoice line's returned quantity is what credit notes returned of it, and never more than was invoiced",
            "SELECT 'invoice ' || l.invoice_no || ' line ' || l.line_no || ': returned ' || " + Q("l.returned_quantity") + " || ', credited ' || " + Q("coalesce(sum(-c.quantity), 0)") + " || ', invoiced ' || " + Q("l.quantity") + " " +
            "FROM sales_invoice_line l LEFT JOIN credit_note_line c ON c.invoice_no = l.invoice_no AND c.invoice_line_no = l.line_no " +
            "GROUP BY l.invoice_no, l.line_no HAVING l.returned_quantity <> coalesce(sum(-c.quantity), 0) OR l.returned_quantity > l.quantity"),
        new("a document's amount is the sum of its lines",
            "SELECT 'invoice ' || i.invoice_no || ': amount ' || " + A("i.amount") + " || ', lines ' || " + A("sum(l.amount)") + " FROM sales_invoice i JOIN sales_invoice_line l ON l.invoice_no = i.invoice_no GROUP BY i.invoice_no HAVING i.amount <> sum(l.amount) " +
            "UNION ALL SELECT 'credit note ' || n.credit_note_no || ': amount ' || " + A("n.amount") + " || ', lines ' || " + A("sum(l.amount)") + " FROM credit_note n JOIN credit_note_line l ON l.credit_note_no = n.credit_note_no GROUP BY n.credit_note_no HAVING n.amount <> sum(l.amount)"),
        new("a project actual is reversed at most once, and exactly",
            "SELECT 'project actual ' || a.actual_id || ': reversed ' || count(*) || ' times' FROM project_actual a JOIN project_actual r ON r.reverses_actual_id = a.actual_id GROUP BY a.actual_id HAVING count(*) > 1 " +
            "UNION ALL SELECT 'project actual ' || r.actual_id || ' does not mirror actual ' || a.actual_id FROM project_actual r JOIN project_actual a ON a.actual_id = r.reverses_actual_id " +
            "WHERE r.quantity <> -a.quantity OR r.amount <> -a.amount"),
        new("for every project transaction, billed net is its latest corrected quantity and unbilled net what was delivered less that, never counted twice",
            ProjectTransactions),
        new("a batch is all in or all out: a refused batch holds no entry",
            "SELECT 'batch ' || b.id || ' is ' || b.status || ' but holds ' || t.what FROM batch b JOIN (" +
            "SELECT batch, 'item entries' AS what FROM item_entry UNION SELECT batch, 'capacity entries' FROM capacity_entry UNION SELECT batch, 'customer entries' FROM customer_entry " +
            "UNION SELECT batch, 'project actuals' FROM project_actual UNION SELECT batch, 'invoices' FROM sales_invoice UNION SELECT batch, 'credit notes' FROM credit_note) t ON t.batch = b.id " +
            "WHERE b.status <> 'posted'"),
        new("the same sheet of the same file is posted at most once",
            "SELECT 'file ' || file_sha256 || ' sheet ' || sheet || ' posted as batches ' || group_concat(id, ', ') FROM batch WHERE status = 'posted' GROUP BY file_sha256, sheet HAVING count(*) > 1"),
    ];

    /// <summary>
    /// Every project transaction (an original invoice line and the same line on the corrective invoices of its chain),
    /// against what Project Operations leaves after corrective invoices: billed net equals the quantity billed by the
    /// latest invoice that holds the line; delivered is the most any invoice of the chain billed; Time, Expense and
    /// Material keep unbilled exactly delivered less billed (never below zero), a Fee at most that (a partial credit
    /// of a fee keeps no remainder), a Milestone nothing (a full credit makes it ready to invoice again).
    /// </summary>
    private static string ProjectTransactions => $$"""
        WITH RECURSIVE chain (root, invoice_no) AS (
            SELECT invoice_no, invoice_no FROM project_invoice WHERE corrects_invoice_no IS NULL
            UNION ALL
            SELECT c.root, p.invoice_no FROM chain c JOIN project_invoice p ON p.corrects_invoice_no = c.invoice_no),
        actual AS (
            SELECT c.root, a.* FROM chain c JOIN project_actual a ON a.invoice_no = c.invoice_no),
        per_invoice AS (
            SELECT root, invoice_line_no, invoice_no, max(actual_id) AS last_actual,
                   sum(CASE WHEN actual_type = 'BilledSales' AND quantity > 0 AND reverses_actual_id IS NULL THEN quantity ELSE 0 END) AS billed
            FROM actual GROUP BY root, invoice_line_no, invoice_no),
        ranked AS (
            SELECT root, invoice_line_no, billed,
                   max(billed) OVER (PARTITION BY root, invoice_line_no) AS delivered,
                   row_number() OVER (PARTITION BY root, invoice_line_no ORDER BY last_actual DESC) AS newest
            FROM per_invoice),
        tx AS (
            SELECT a.root, a.invoice_line_no, min(a.transaction_type) AS type,
                   sum(CASE WHEN a.actual_type = 'BilledSales' THEN a.quantity ELSE 0 END) AS billed_net,
                   sum(CASE WHEN a.actual_type = 'UnbilledSales' THEN a.quantity ELSE 0 END) AS unbilled_net,
                   r.delivered, r.billed AS latest
            FROM actual a JOIN ranked r ON r.root = a.root AND r.invoice_line_no = a.invoice_line_no AND r.newest = 1
            GROUP BY a.root, a.invoice_line_no, r.delivered, r.billed),
        expected AS (
            SELECT tx.*, CASE WHEN delivered > billed_net THEN delivered - billed_net ELSE 0 END AS open_quantity FROM tx)
        SELECT 'invoice ' || root || ' line ' || invoice_line_no || ' (' || type || '): billed ' || {{Q("billed_net")}} || ', latest corrected quantity ' || {{Q("latest")}}
               || '; unbilled ' || {{Q("unbilled_net")}} || ', delivered ' || {{Q("delivered")}}
        FROM expected
        WHERE billed_net <> latest OR unbilled_net < 0
           OR (type IN ('Time', 'Expense', 'Material') AND unbilled_net <> open_quantity)
           OR (type = 'Fee' AND unbilled_net > open_quantity)
           OR (type = 'Milestone' AND unbilled_net <> 0)
        """;

    /// <summary>A stored quantity (an integer of 1/100000, Scaled.QuantityDecimals) as exact decimal text: 150000 as 1.5.</summary>
    private static string Q(string expr) =>
        $"(CASE WHEN ({expr}) < 0 THEN '-' ELSE '' END || (abs({expr}) / 100000) || rtrim(rtrim('.' || printf('%05d', abs({expr}) % 100000), '0'), '.'))";

    /// <summary>A stored amount (an integer of cents) as exact decimal text with its two decimals: 62090 as 620.90.</summary>
    private static string A(string expr) => $"(CASE WHEN ({expr}) < 0 THEN '-' ELSE '' END || (abs({expr}) / 100) || '.' || printf('%02d', abs({expr}) % 100))";

    /// <summary>The violations found, each naming the invariant and the entries; empty for a sound ledger.</summary>
    public static IReadOnlyList<string> Run(LedgerStore store) => store.Check(Invariants.Select(i => (i.Name, i.Sql)).ToList());

    /// <summary>How many invariants are checked (besides SQLite's integrity and foreign keys).</summary>
    public static int InvariantCount => Invariants.Length;

    internal static IReadOnlyList<string> Run(SqliteConnection connection, IReadOnlyList<(string Name, string Sql)> invariants)
    {
        var violations = new List<string>();
        var integrity = connection.Query(null, "PRAGMA integrity_check", r => r.GetString(0));
        if (integrity is not ["ok"])
            violations.AddRange(integrity.Select(i => $"SQLite integrity: {i}"));
        violations.AddRange(connection.Query(null, "PRAGMA foreign_key_check", r => $"foreign key: {r.GetString(0)} row {r.GetInt64(1)} refers to a missing {r.GetString(2)}"));
        foreach (var (name, sql) in invariants)
            violations.AddRange(connection.Query(null, sql, r => $"{name}: {r.GetString(0)}"));
        return violations;
    }
}
