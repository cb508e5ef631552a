using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Ledger;

/// <summary>`pluginhost check` finds nothing wrong in a ledger PluginHost wrote, and names what was broken behind its back.</summary>
public sealed class LedgerCheckTests : TempFolderTest
{
    private string PostedLedger()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(10, 120).WriteTo(Temp.File("o.xlsx")));
        TestHost.Post(db, OutputJournal.New().Reversal(1, -4, -40).WriteTo(Temp.File("r.xlsx")));
        TestHost.Post(db, SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).WriteTo(Temp.File("s.xlsx")));
        TestHost.Post(db, SalesJournal.New().Return("INV-1", 1, -4, 19.99m).WriteTo(Temp.File("c.xlsx")));
        TestHost.Post(db, ProjectJournal.New().Line("PI-1", 1, 8, 200m).WriteTo(Temp.File("p.xlsx")));
        TestHost.Post(db, ProjectJournal.New().Correction("PI-1C", "PI-1", 1, 6).WriteTo(Temp.File("pc.xlsx")));
        TestHost.Post(db, OutputJournal.New().Reversal(1, -99, -1).WriteTo(Temp.File("refused.xlsx")));
        return db;
    }

    private Support.Cli.Result Check(string db, params string[] extra) => Support.Cli.Run(["check", .. extra, .. Support.Cli.Folders(db)]);

    [Fact]
    public void ALedgerPostedByPluginHostIsSound()
    {
        var db = PostedLedger();

        var result = Check(db);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        Assert.Contains("sound (SQLite integrity, foreign keys and 13 ledger invariants)", result.Out);
    }

    [Fact]
    public void EachViolationIsNamedWithItsEntries()
    {
        var db = PostedLedger();
        LedgerQueries.Execute(db, """
            UPDATE sales_invoice_line SET returned_quantity = 100000 WHERE invoice_no = 'INV-1';
            UPDATE customer_entry SET remaining_amount = 1000 WHERE document_no = 'INV-1';
            UPDATE item_entry SET remaining_quantity = 700000 WHERE entry_no = 1;
            INSERT INTO capacity_entry (entry_no, batch, row, posting_date, document_no, prod_order_no, operation_no, item_no, run_time, output_quantity, item_entry_no)
            VALUES (99, 7, 2, '2026-11-05', 'X', 'PO-1', '10', 'ITEM-1', 100000, 100000, 1);
            """);

        var result = Check(db, "--json");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var violations = json.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Contains(violations, v => v.Contains("item entry 1: remaining 7, but quantity 10 less applied 4", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("invoice INV-1: open 10.00, but amount 199.90 less credits 79.96", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("invoice INV-1 line 1: returned 1, credited 4", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("batch 7 is rejected but holds capacity entries", StringComparison.Ordinal));
        Assert.Equal(4, violations.Count);
    }

    [Fact]
    public void ALedgerThatBillsWorkTwiceOrKeepsReturnedGoodsOutOfStockFailsTheCheck()
    {
        var db = PostedLedger();
        // As PluginHost posted before the ledgers followed the products: PI-1 corrected from 8 h to 6 h and back to 8 h
        // without billing the 2 h left unbilled (billed 8 h and unbilled 2 h for 8 h of work), and a return's item entry
        // closed as if the goods had not come back.
        LedgerQueries.Execute(db, """
            INSERT INTO project_invoice (invoice_no, batch, row, project_no, customer_no, status, corrects_invoice_no) VALUES ('PI-1D', 6, 2, 'P-1', 'C-1', 'Confirmed', 'PI-1C');
            INSERT INTO project_actual (actual_id, batch, row, project_no, invoice_no, invoice_line_no, transaction_type, resource, date, quantity, unit_price, amount, actual_type, chargeable, reverses_actual_id, correction)
            VALUES (7, 6, 2, 'P-1', 'PI-1D', 1, 'Time', 'Anna', '2026-11-06', -600000, 20000, -120000, 'BilledSales', 1, 5, 1),
                   (8, 6, 2, 'P-1', 'PI-1D', 1, 'Time', 'Anna', '2026-11-06', 800000, 20000, 160000, 'BilledSales', 1, NULL, 1);
            UPDATE item_entry SET remaining_quantity = 0, open = 0 WHERE entry_type = 'Sale' AND quantity > 0;
            """);

        var result = Check(db, "--json");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal(
            [
                "an inbound entry (output, or returned goods back in stock) keeps as remaining its quantity less what was applied to it: item entry 4: remaining 0, but quantity 4 less applied 0",
                "for every project transaction, billed net is its latest corrected quantity and unbilled net what was delivered less that, never counted twice: invoice PI-1 line 1 (Time): billed 8, latest corrected quantity 8; unbilled 2, delivered 8",
            ],
            json.RootElement.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!));
    }
}
