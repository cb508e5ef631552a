using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Workbooks;

/// <summary>After a refusal the user gets their rows back with the errors beside them, fixes the cells, and posts again.</summary>
public sealed class ErrorWorkbookTests : TempFolderTest
{
    [Fact]
    public void AnErrorWorkbookFixedInPlacePostsTheBatch()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, OutputJournal.New().Output(10, 120).WriteTo(Temp.File("originals.xlsx")));
        var corrections = OutputJournal.New()
            .Reversal(1, -1, -10)
            .Reversal(1, -12, -10)
            .Row(OutputJournal.Day, "REV-3", "PO-1", "ITEM-1", "10", "abc", -1m, 1L)
            .WriteTo(Temp.File("corrections.xlsx"));

        var refused = TestHost.Post(db, corrections);

        Assert.Equal(PostingStatus.Rejected, refused.Status);
        Assert.Equal(Temp.File("corrections.errors.xlsx"), refused.ErrorWorkbookPath);
        using (var document = SpreadsheetDocument.Open(refused.ErrorWorkbookPath!, isEditable: true))
        {
            var rows = Rows(document);
            Assert.Equal("Errors", Text(document, rows[0].Elements<Cell>().Last()));
            Assert.DoesNotContain(rows[1].Elements<Cell>(), c => c.CellReference!.Value!.StartsWith('I')); // row 2 was accepted: no errors, and still row 2
            Assert.StartsWith("Row 3: Remaining Quantity is too low", Text(document, Cell(rows[2], "I")));
            Assert.StartsWith("Row 4: Run Time: \"abc\" is not a number", Text(document, Cell(rows[3], "I")));
            Assert.Equal(3u, Cell(rows[3], "F").StyleIndex!.Value); // the offending cell is marked

            SetNumber(Cell(rows[2], "G"), -5m);
            SetNumber(Cell(rows[3], "F"), -1m);
            document.WorkbookPart!.WorksheetParts.Single().Worksheet.Save();
        }

        var fixedOutcome = TestHost.Post(db, refused.ErrorWorkbookPath!);

        Assert.True(fixedOutcome.Status == PostingStatus.Posted, string.Join("\n", fixedOutcome.Problems));
        Assert.Equal(3, fixedOutcome.Entries["item"]);
        // The entries lead back to the rows of the file first sent: the error workbook kept every row where it was.
        Assert.Equal([2L, 3L, 4L], LedgerQueries.Rows(db, $"SELECT row FROM item_entry WHERE batch = {fixedOutcome.Batch} ORDER BY row").Select(r => (long)r[0]!));
        Assert.Equal(10m - 5m - 1m - 1m, LedgerQueries.Rows(db, "SELECT remaining_quantity FROM item_entry WHERE entry_no = 1").Select(r => (long)r[0]! / 100000m).Single());
    }

    [Fact]
    public void ANoteInAColumnPastTheHeadersIsKeptInTheErrorWorkbookBeforeTheErrorsColumn()
    {
        // The header ends at H (Applies-to Entry); the second line has a note in I, under no caption. The sheet has no
        // dimension element (XlsxWriter writes none), so only the data row says how wide the sheet is.
        var journal = OutputJournal.New()
            .Row(OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", "abc", 1m, null)
            .Row(OutputJournal.Day, "OUT-2", "PO-1", "ITEM-1", "10", 5m, 1m, null, "checked by Åsa");

        var refused = TestHost.Post(Temp.File("l.db"), journal.WriteTo(Temp.File("note.xlsx")));

        Assert.Equal(PostingStatus.Rejected, refused.Status);
        using var document = SpreadsheetDocument.Open(refused.ErrorWorkbookPath!, false);
        var rows = Rows(document);
        Assert.Equal("Errors", Text(document, Cell(rows[0], "J")));
        Assert.Equal("checked by Åsa", Text(document, Cell(rows[2], "I")));
        Assert.StartsWith("Row 2: Run Time", Text(document, Cell(rows[1], "J")));
    }

    [Fact]
    public void AnErrorWorkbookUploadedAgainAndRefusedAgainKeepsOneErrorsColumn()
    {
        var db = Temp.File("l.db");
        var first = TestHost.Post(db, OutputJournal.New().Output(0, 0).WriteTo(Temp.File("zero.xlsx")));

        var again = TestHost.Post(db, first.ErrorWorkbookPath!);

        Assert.Equal(PostingStatus.Rejected, again.Status);
        using var document = SpreadsheetDocument.Open(again.ErrorWorkbookPath!, false);
        var headers = Rows(document)[0].Elements<Cell>().Select(c => Text(document, c)).ToList();
        Assert.Equal(1, headers.Count(h => h == "Errors"));
    }

    [Fact]
    public void ARuleOnAComputedValueMarksTheCellItComesFromAndAnEmptyRequiredCellIsMarkedToo()
    {
        var db = Temp.File("l.db");
        TestHost.Post(db, SalesJournal.New().Sale("INV-1", 1, 10, 19.99m).WriteTo(Temp.File("sales.xlsx")));

        var refused = TestHost.Post(db, SalesJournal.New().Return("INV-1", 1, -4, 19.99m, reason: "", status: "Awaiting").WriteTo(Temp.File("returns.xlsx")));

        Assert.Equal(PostingStatus.Rejected, refused.Status);
        // ReturnNotAwaiting reads line.ReturnStatusKey, computed from Return Status (column L); the reason (K) was left empty.
        Assert.Equal(("Return Status", "L2"), refused.Errors.Where(e => e.Code == "ReturnNotAwaiting").Select(e => (e.Where.Column, e.Where.Cell)).Single());
        Assert.Equal(("Return Reason", "K2"), refused.Errors.Where(e => e.Code == "ReturnReasonRequired").Select(e => (e.Where.Column, e.Where.Cell)).Single());
        using var document = SpreadsheetDocument.Open(refused.ErrorWorkbookPath!, false);
        var row = Rows(document)[1];
        Assert.Equal(3u, Cell(row, "L").StyleIndex!.Value);
        Assert.Equal(3u, Cell(row, "K").StyleIndex!.Value);
        Assert.Null(Cell(row, "A").StyleIndex); // Order Type decides which rules apply; it is not what is wrong
    }

    [Fact]
    public void ARuleMissingAValueNamesTheEmptyCellRatherThanTheFirstColumnItReads()
    {
        var refused = TestHost.Post(Temp.File("l.db"), OutputJournal.New().Row(OutputJournal.Day, "REV-1", "PO-1", "ITEM-1", "10", -2m, -5m, null).WriteTo(Temp.File("rev.xlsx")));

        // ReversalNeedsAppliesTo reads Output Quantity (G), Run Time (F) and Applies-to Entry (H); only H is empty.
        Assert.Equal(("Applies-to Entry", "H2"), refused.Errors.Where(e => e.Code == "ReversalNeedsAppliesTo").Select(e => (e.Where.Column, e.Where.Cell)).Single());
    }

    [Fact]
    public void ARuleThatThrowsNamesNoCellSinceTheFaultIsTheRules()
    {
        var rules = RuleFiles.Folder(Temp, RuleFiles.OneRule("line.DocumentNo.Length > 0 && 1 / int(line.RunTime) != 7", "Row $(line.Row): checked"));
        var pipeline = new PostingPipeline(TestHost.Own(Temp.File("l.db"), rules: rules));

        var outcome = pipeline.Run(new PostingRequest { WorkbookPath = OutputJournal.New().Output(5, 0).WriteTo(Temp.File("zero.xlsx")) });

        var error = Assert.Single(outcome.Errors);
        Assert.Contains("(the rule could not be evaluated: Attempted to divide by zero.)", error.Message);
        Assert.Equal((2, null, null), (error.Where.Row, error.Where.Column, error.Where.Cell));
    }

    private static List<Row> Rows(SpreadsheetDocument document) =>
        document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();

    private static Cell Cell(Row row, string column) =>
        row.Elements<Cell>().Single(c => c.CellReference!.Value == column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture));

    private static string Text(SpreadsheetDocument document, Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    private static void SetNumber(Cell cell, decimal value)
    {
        cell.InlineString = null;
        cell.DataType = CellValues.Number;
        cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
        cell.StyleIndex = 0;
    }
}
