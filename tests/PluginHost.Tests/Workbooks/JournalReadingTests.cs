using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Workbooks;

/// <summary>Whole workbooks read the way users send them: any column order, extra columns, header case and spacing.</summary>
public sealed class JournalReadingTests : TempFolderTest
{
    [Fact]
    public void ColumnsAreFoundByHeaderInAnyOrderIgnoringCaseSpacingAndExtraColumns()
    {
        var path = Temp.File("shuffled.xlsx");
        XlsxWriter.Write(path, new XlsxWriter.Sheet("My sheet",
            ["  output quantity ", "Note", "APPLIES-TO ENTRY", "item no", "Prod Order No", "Run   Time", "Operation No.", "Document No.", "Posting Date"],
            [[7m, "keep me", null, "ITEM-9", "PO-9", 3.25m, "30", "OUT-9", new DateOnly(2026, 11, 5)]]));
        var db = Temp.File("l.db");

        var outcome = TestHost.Post(db, path);

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        Assert.Equal(
            [[7_00000L, "ITEM-9", "PO-9", "OUT-9", "2026-11-05"]],
            LedgerQueries.Rows(db, "SELECT quantity, item_no, prod_order_no, document_no, posting_date FROM item_entry").Select(r => r.ToArray()).ToArray());
        Assert.Equal([[3_25000L, "30"]], LedgerQueries.Rows(db, "SELECT run_time, operation_no FROM capacity_entry").Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void EveryUnreadableCellIsReportedAtItsCellAndNothingIsPosted()
    {
        var path = OutputJournal.New()
            .Row("not a date", "OUT-1", "PO-1", "ITEM-1", "10", 1m, 1m, null)
            .Row(OutputJournal.Day, "OUT-2", "PO-1", "ITEM-1", "10", "lots", 1.000001m, "seven")
            .WriteTo(Temp.File("bad.xlsx"));
        var db = Temp.File("l.db");

        var outcome = TestHost.Post(db, path);

        Assert.Equal((PostingStatus.Rejected, ExitCodes.BadInput), (outcome.Status, outcome.ExitCode));
        Assert.Equal(["A2", "F3", "G3", "H3"], outcome.Errors.Select(e => e.Where.Cell));
        Assert.All(outcome.Errors, e => Assert.Equal(("CELL001", "Output Journal"), (e.Code, e.Where.Sheet)));
        Assert.Equal("Output Journal!G3: error CELL001: Output Quantity: 1.000001 has 6 decimals; at most 5 are allowed (it is not rounded)", outcome.Errors.ElementAt(2).ToString());
        Assert.Equal(0, LedgerQueries.Count(db, "item_entry"));
    }

    [Fact]
    public void AMissingColumnIsNamedWithTheColumnsThePluginNeeds()
    {
        var path = OutputJournal.New().Row(OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 1m, 1m)
            .WriteTo(Temp.File("missing.xlsx"), headers: OutputJournal.Headers[..^1]);

        var outcome = TestHost.Post(Temp.File("l.db"), path, plugin: "output-reversal");

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("SHEET002", "Output Journal", 1), (error.Code, error.Where.Sheet, error.Where.Row!.Value));
        Assert.StartsWith("column 'Applies-to Entry' (Swedish 'Kopplas till löpnr', Norwegian 'Utligningspost') is missing from the header row (row 1); output-reversal needs: Posting Date,", error.Message);
    }

    [Fact]
    public void ASheetWithHeadersButNoLinesIsRefused()
    {
        var outcome = TestHost.Post(Temp.File("l.db"), OutputJournal.New().WriteTo(Temp.File("empty.xlsx")));

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Equal("SHEET003", Assert.Single(outcome.Errors).Code);
    }
}
