using System.Text;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Workbooks;

/// <summary>Input a finance user could mean two ways is refused with the cell and the way out, never guessed.</summary>
public sealed class UnclearInputTests : TempFolderTest
{
    private const string CsvHeader = "Posting Date;Document No.;Prod. Order No.;Item No.;Operation No.;Run Time;Output Quantity;Applies-to Entry";

    private string Csv(string name, string rows, Encoding? encoding = null)
    {
        var path = Temp.File(name);
        File.WriteAllText(path, CsvHeader + "\n" + rows + "\n", encoding ?? new UTF8Encoding(false));
        return path;
    }

    private PostingOutcome Post(string path, string? culture = null, string? sheet = null) =>
        new PostingPipeline(TestHost.With(Temp.File("l.db"))).Run(new PostingRequest
        {
            WorkbookPath = path, Sheet = sheet, User = "tester",
            Culture = culture is null ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(culture),
        });

    [Fact]
    public void ARenamedCopyOfAPostedCsvIsRefusedAsADuplicate()
    {
        var first = Csv("week45.csv", "2026-11-05;OUT-1;PO-1;ITEM-1;10;5;1;");
        var copy = Temp.File("week45-resent.csv");
        File.Copy(first, copy);

        Assert.Equal(PostingStatus.Posted, Post(first).Status);
        var again = Post(copy);

        Assert.Equal((PostingStatus.Duplicate, ExitCodes.Duplicate), (again.Status, again.ExitCode));
        Assert.Equal(1, LedgerQueries.Count(Temp.File("l.db"), "item_entry"));
    }

    [Fact]
    public void ExcelErrorCellsAreRefusedAtTheirCellsNeverPostedAsEmptyOrZero()
    {
        var path = OutputJournal.New()
            .Row(OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", new ExcelError("#DIV/0!"), 5m, null)
            .Row(OutputJournal.Day, new ExcelError("#N/A"), "PO-1", "ITEM-1", "10", 2m, 1m, null)
            .WriteTo(Temp.File("errors.xlsx"));

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Equal(
            [("F2", "Run Time: holds the Excel error #DIV/0!, not a value; correct the formula or type the value"), ("B3", "Document No.: holds the Excel error #N/A, not a value; correct the formula or type the value")],
            outcome.Errors.Where(e => e.Code == "CELL001").Select(e => (e.Where.Cell, e.Message)));
        Assert.Equal(0, LedgerQueries.Count(Temp.File("l.db"), "item_entry"));
    }

    [Fact]
    public void ALocalTextDateWithoutACultureIsRefusedRatherThanGuessed()
    {
        var outcome = Post(Csv("dates.csv", "05.11.2026;OUT-1;PO-1;ITEM-1;10;5;1;"));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("CELL002", "A2", "dates.csv"), (error.Code, error.Where.Cell, error.Where.Sheet));
        Assert.Equal("Posting Date: \"05.11.2026\" is not a date in ISO form (2026-01-31); for dates written the local way, choose the culture the workbook is written in (sv-SE, nb-NO, en-US ...)", error.Message);
    }

    [Fact]
    public void ALocalTextDateIsReadTheWayItsCultureWritesIt()
    {
        var outcome = Post(Csv("dates.csv", "05.11.2026;OUT-1;PO-1;ITEM-1;10;5;1;"), culture: "nb-NO");

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        Assert.Equal("2026-11-05", LedgerQueries.Rows(Temp.File("l.db"), "SELECT posting_date FROM item_entry")[0][0]);
    }

    [Fact]
    public void ACommaWithoutACultureIsRefusedAsAmbiguousAndReadAsDecimalCommaInSweden()
    {
        var path = Csv("comma.csv", "2026-11-05;OUT-1;PO-1;ITEM-1;10;1,250;1;");

        var unclear = Post(path);
        var swedish = new PostingPipeline(TestHost.With(Temp.File("sv.db"))).Run(new PostingRequest { WorkbookPath = path, Culture = System.Globalization.CultureInfo.GetCultureInfo("sv-SE") });

        Assert.StartsWith("Run Time: \"1,250\" is ambiguous: a comma is a decimal comma in Sweden and Norway", Assert.Single(unclear.Errors).Message);
        Assert.Equal(PostingStatus.Posted, swedish.Status);
        Assert.Equal(1_25000L, LedgerQueries.Rows(Temp.File("sv.db"), "SELECT run_time FROM capacity_entry")[0][0]);
    }

    [Fact]
    public void AnEntryNumberWithAGroupSeparatorIsNotAnEntryNumber()
    {
        var outcome = Post(Csv("entry.csv", "2026-11-05;REV-1;PO-1;ITEM-1;10;-1;-1;1,2"));

        Assert.Equal("Applies-to Entry: \"1,2\" is not a whole number", Assert.Single(outcome.Errors).Message);
    }

    [Fact]
    public void AFigureTooLargeForAnyJournalIsRefusedAtItsCell()
    {
        var outcome = Post(OutputJournal.New().Output(100_000_000_000_000m, 1).WriteTo(Temp.File("huge.xlsx")));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("CELL001", "G2", ExitCodes.BadInput), (error.Code, error.Where.Cell, outcome.ExitCode));
        Assert.Equal("Output Quantity: 100000000000000 is too large: at most 999999999999", error.Message);
    }

    [Fact]
    public void ARowWithTextOnlyInAnExtraColumnIsNotALine()
    {
        var path = Temp.File("notes.xlsx");
        XlsxWriter.Write(path, new XlsxWriter.Sheet("Output Journal", [.. OutputJournal.Headers, "Comment"],
            [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 5m, 1m, null, "ok"], [null, null, null, null, null, null, null, null, "checked by Anna"]]));

        var outcome = Post(path);

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(("SHEET007", 3), (warning.Code, warning.Where.Row!.Value));
        Assert.Equal(1, outcome.Lines);
    }

    [Fact]
    public void TwoSheetsThatEachHoldAJournalMustBeChosenBetween()
    {
        var path = Temp.File("two.xlsx");
        XlsxWriter.Write(path,
            new XlsxWriter.Sheet("Output Journal", OutputJournal.Headers, [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 5m, 1m, null]]),
            new XlsxWriter.Sheet("Output Journal 2", OutputJournal.Headers, [[OutputJournal.Day, "OUT-2", "PO-1", "ITEM-1", "10", 5m, 2m, null]]));

        var ambiguous = Post(path);
        var chosen = Post(path, sheet: "output journal 2");

        Assert.Equal("the sheets 'Output Journal' and 'Output Journal 2' each hold a complete journal; post one at a time with --sheet", Assert.Single(ambiguous.Errors).Message);
        Assert.Equal(ExitCodes.BadInput, ambiguous.ExitCode);
        Assert.Equal(PostingStatus.Posted, chosen.Status);
        Assert.Equal(2_00000L, LedgerQueries.Rows(Temp.File("l.db"), "SELECT quantity FROM item_entry")[0][0]);
        Assert.Equal(PostingStatus.Posted, Post(path, sheet: "Output Journal").Status);
        Assert.Equal(PostingStatus.Duplicate, Post(path, sheet: "Output Journal").Status);
    }

    [Fact]
    public void ACsvSavedByNordicExcelInWindows1252IsRead()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Csv("ansi.csv", "2026-11-05;OUT-1;PO-1;SKÅP-ÖÄ;10;5;1;", Encoding.GetEncoding(1252));

        var outcome = Post(path);

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        Assert.Equal("SKÅP-ÖÄ", LedgerQueries.Rows(Temp.File("l.db"), "SELECT item_no FROM item_entry")[0][0]);
    }

    [Fact]
    public void HeadersInDecomposedUnicodeAreMatched() =>
        Assert.Equal(HeaderText.Normalize("Körtid"), HeaderText.Normalize("Ko\u0308rtid"));

    [Fact]
    public void AnEmptyWorkbookIsCalledEmpty()
    {
        var path = Temp.File("empty.csv");
        File.WriteAllText(path, "");

        var outcome = Post(path);

        Assert.Equal(("FILE005", ExitCodes.BadInput), (Assert.Single(outcome.Errors).Code, outcome.ExitCode));
    }

    [Fact]
    public void ALocallyGroupedNumberWithoutACultureSaysACultureReadsItWithoutNamingACommandLineOption()
    {
        var outcome = Post(Csv("grouped.csv", "2026-11-05;OUT-1;PO-1;ITEM-1;10;1 234,5;1;"));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("CELL002", "Run Time: \"1 234,5\" is not a plain number; if it is written the local way (1 234,5), choose the culture the workbook is written in (sv-SE, nb-NO ...)"), (error.Code, error.Message));
        Assert.DoesNotContain("--culture", File.ReadAllText(outcome.ReportPath!), StringComparison.Ordinal);
    }

    [Fact]
    public void OnTheCommandLineAValueWrittenTheLocalWayGetsAHintNamingTheCultureOption()
    {
        var path = Csv("grouped.csv", "2026-11-05;OUT-1;PO-1;ITEM-1;10;1 234,5;1;");

        var result = Support.Cli.Run(["post", path, .. Support.Cli.Folders(Temp.File("cli.db"))]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("hint: numbers or dates are written the local way; give --culture (sv-SE, nb-NO, en-US ...)", result.Out + result.Error);
    }
}
