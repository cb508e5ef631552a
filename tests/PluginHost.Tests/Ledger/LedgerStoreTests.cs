using PluginHost.Engine.Ledger;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Ledger;

/// <summary>The store's schema, its exact storage of figures and the invariants it keeps whatever a plugin asks.</summary>
public sealed class LedgerStoreTests : TempFolderTest
{
    [Fact]
    public void OpeningCreatesTheSchemaOnceRecordsItsVersionAndUsesWal()
    {
        var path = Temp.File("new.db");
        using (var first = LedgerStore.Open(path))
            Assert.Equal(LedgerSchema.Migrations.Count, first.SchemaVersion);
        using (var again = LedgerStore.Open(path))
            Assert.Equal(LedgerSchema.Migrations.Count, again.SchemaVersion);

        Assert.Equal(LedgerSchema.Migrations.Count, LedgerQueries.Count(path, "schema_version"));
        Assert.Equal("wal", LedgerQueries.Rows(path, "PRAGMA journal_mode")[0][0]);
    }

    [Fact]
    public void ADatabaseOfTheFirstSchemaIsMigratedKeepingItsEntries()
    {
        var path = Temp.File("v1.db");
        LedgerQueries.Execute(path, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        LedgerQueries.Execute(path, LedgerSchema.Migrations[0]);
        LedgerQueries.Execute(path, """
            INSERT INTO schema_version VALUES (1, 'then');
            INSERT INTO batch (plugin, file_name, file_sha256, sheet, user_name, created_at, line_count, status, workflow, rules_sha256)
            VALUES ('output-reversal', 'o.xlsx', 'abc', 'Output Journal', 'u', '2026-11-01T00:00:00Z', 1, 'posted', 'output-reversal', 'def');
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, prod_order_no, quantity, remaining_quantity, open)
            VALUES (1, 1, 2, '2026-11-01', 'Output', 'OUT-1', 'I', 'PO', 500000, 500000, 1);
            """);

        using var store = LedgerStore.Open(path);

        Assert.Equal(LedgerSchema.Migrations.Count, store.SchemaVersion);
        Assert.Equal(5m, Assert.Single(store.ItemEntries()).RemainingQuantity);
        Assert.Empty(store.CustomerEntries());
    }

    [Fact]
    public void ALedgerOfSchemaSevenKeepsItsCapacityEntriesAndTriggersAndHasItsReturnedGoodsBackInStock()
    {
        var path = Temp.File("v7.db");
        LedgerQueries.Execute(path, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        for (var version = 1; version <= 7; version++)
            LedgerQueries.Execute(path, LedgerSchema.Migrations[version - 1] + $";INSERT INTO schema_version VALUES ({version}, 'then');");
        LedgerQueries.Execute(path, """
            INSERT INTO batch (plugin, file_name, file_sha256, sheet, user_name, created_at, line_count, status, workflow, rules_sha256)
            VALUES ('output-reversal', 'o.xlsx', 'abc', 'Output Journal', 'u', '2026-11-01T00:00:00Z', 2, 'posted', 'output-reversal', 'def');
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, prod_order_no, quantity, remaining_quantity, open)
            VALUES (1, 1, 2, '2026-11-01', 'Output', 'OUT-1', 'I', 'PO', 1000000, 600000, 1);
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, prod_order_no, quantity, remaining_quantity, open, applies_to_entry)
            VALUES (2, 1, 3, '2026-11-02', 'Output', 'REV-1', 'I', 'PO', -400000, 0, 0, 1);
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, customer_no, quantity, remaining_quantity, open)
            VALUES (3, 1, 4, '2026-11-02', 'Sale', 'INV-1', 'I', 'C', -300000, 100000, 1);
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, customer_no, quantity, remaining_quantity, open, applies_to_entry)
            VALUES (4, 1, 5, '2026-11-03', 'Sale', 'CM-1', 'I', 'C', 200000, 0, 0, 3);
            INSERT INTO capacity_entry (entry_no, batch, row, posting_date, document_no, prod_order_no, operation_no, item_no, run_time, output_quantity, item_entry_no)
            VALUES (1, 1, 2, '2026-11-01', 'OUT-1', 'PO', '10', 'I', 12000000, 1000000, 1);
            INSERT INTO capacity_entry (entry_no, batch, row, posting_date, document_no, prod_order_no, operation_no, item_no, run_time, output_quantity, item_entry_no, reverses_entry_no)
            VALUES (2, 1, 3, '2026-11-02', 'REV-1', 'PO', '10', 'I', -4800000, -400000, 2, 1);
            """);

        using (var store = LedgerStore.Open(path))
        {
            Assert.Equal(LedgerSchema.Migrations.Count, store.SchemaVersion);
            Assert.Equal([(1L, 120m, 1L, (long?)null), (2L, -48m, 2L, 1L)], store.CapacityEntries().Select(c => (c.EntryNo, c.RunTime, c.ItemEntryNo, c.ReversesEntryNo)));
            Assert.Equal((2m, true), (store.ItemEntries()[3].RemainingQuantity, store.ItemEntries()[3].Open));
            Assert.Empty(LedgerCheck.Run(store));
        }
        Assert.Empty(LedgerQueries.Rows(path, "SELECT name FROM sqlite_master WHERE sql LIKE '%_v8%'"));
        var overReversal = Assert.ThrowsAny<Exception>(() => LedgerQueries.Execute(path, """
            INSERT INTO capacity_entry (entry_no, batch, row, posting_date, document_no, prod_order_no, operation_no, item_no, run_time, output_quantity, item_entry_no, reverses_entry_no)
            VALUES (3, 1, 4, '2026-11-03', 'REV-2', 'PO', '10', 'I', -8000000, 0, 2, 1);
            """));
        Assert.Contains("capacity reversal exceeds the original entry", overReversal.Message);
        var belowZero = Assert.ThrowsAny<Exception>(() => LedgerQueries.Execute(path, """
            INSERT INTO capacity_entry (entry_no, batch, row, posting_date, document_no, prod_order_no, operation_no, item_no, run_time, output_quantity)
            VALUES (3, 1, 4, '2026-11-03', 'RT-1', 'PO', '10', 'I', -7300000, 0);
            """));
        Assert.Contains("run time posted on the operation would fall below zero", belowZero.Message);
    }

    [Fact]
    public void NoLedgerColumnIsStoredAsBinaryFloatingPoint()
    {
        var path = Temp.File("types.db");
        using (LedgerStore.Open(path))
        {
        }

        var real = LedgerQueries.Rows(path,
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND (upper(p.type) LIKE '%REAL%' OR upper(p.type) LIKE '%FLOA%' OR upper(p.type) LIKE '%DOUB%' OR p.type = '')");
        Assert.Empty(real);
        Assert.Equal("INTEGER", LedgerQueries.Rows(path, "SELECT type FROM pragma_table_info('item_entry') WHERE name = 'quantity'")[0][0]);
    }

    [Fact]
    public void QuantitiesAreStoredExactlyInHundredThousandths()
    {
        Assert.Equal(123_45678L, Scaled.Quantity(123.45678m));
        Assert.Equal(-0.00001m, Scaled.Quantity(-1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scaled.Quantity(0.000001m));
        Assert.Throws<OverflowException>(() => Scaled.Quantity(decimal.MaxValue));
    }

    [Fact]
    public void ADatabaseFromANewerProgramIsRefused()
    {
        var path = Temp.File("future.db");
        using (LedgerStore.Open(path))
        {
        }
        LedgerQueries.Execute(path, "INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");

        var error = Assert.Throws<LedgerSchemaException>(() => LedgerStore.Open(path));
        Assert.Contains($"has schema version 99, newer than this program knows ({LedgerSchema.Migrations.Count})", error.Message);
    }

    [Fact]
    public void TheStoreRefusesACapacityReversalBeyondTheOriginalWhateverPostsIt()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(10, 100).WriteTo(Temp.File("o.xlsx")));

        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => LedgerQueries.Execute(db, """
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, prod_order_no, quantity, remaining_quantity, open, applies_to_entry)
            VALUES (2, 1, 3, '2026-11-03', 'Output', 'X', 'ITEM-1', 'PO-1', -100000, 0, 0, 1);
            INSERT INTO capacity_entry (entry_no, batch, row, posting_date, document_no, prod_order_no, operation_no, item_no, run_time, output_quantity, item_entry_no, reverses_entry_no)
            VALUES (2, 1, 3, '2026-11-03', 'X', 'PO-1', '10', 'ITEM-1', -10000001, -100000, 2, 1);
            """));
        Assert.Contains("capacity reversal exceeds the original entry", error.Message);
    }

    [Fact]
    public void TheStoreRefusesEntriesAppliedBeyondTheOriginalsQuantityWhateverPostsThem()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(10, 100).WriteTo(Temp.File("o.xlsx")));
        LedgerQueries.Execute(db, """
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, prod_order_no, quantity, remaining_quantity, open, applies_to_entry)
            VALUES (2, 1, 3, '2026-11-03', 'Output', 'X', 'ITEM-1', 'PO-1', -600000, 0, 0, 1);
            """);

        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => LedgerQueries.Execute(db, """
            INSERT INTO item_entry (entry_no, batch, row, posting_date, entry_type, document_no, item_no, prod_order_no, quantity, remaining_quantity, open, applies_to_entry)
            VALUES (3, 1, 4, '2026-11-03', 'Output', 'X', 'ITEM-1', 'PO-1', -500000, 0, 0, 1);
            """));
        Assert.Contains("item entries applied to one entry exceed its quantity", error.Message);
    }

    [Fact]
    public void TheStoreRefusesARemainingQuantityOutsideTheEntrysQuantity()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(10, 100).WriteTo(Temp.File("o.xlsx")));

        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => LedgerQueries.Execute(db, "UPDATE item_entry SET remaining_quantity = -1, open = 1 WHERE entry_no = 1"));
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => LedgerQueries.Execute(db, "UPDATE item_entry SET remaining_quantity = 1100000 WHERE entry_no = 1"));
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => LedgerQueries.Execute(db, "UPDATE item_entry SET open = 0 WHERE entry_no = 1"));
    }
}
