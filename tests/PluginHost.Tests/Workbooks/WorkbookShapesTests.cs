using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Workbooks;

/// <summary>Workbooks as finance users really send them: totals at the bottom, formulas, Norwegian CSV, the wrong journal.</summary>
public sealed class WorkbookShapesTests : TempFolderTest
{
    [Fact]
    public void ATrailingTotalRowIsLeftOutWithAWarning()
    {
        var path = OutputJournal.New().Output(10, 120).Output(5, 60).Row(null, null, null, null, null, 180m, 15m, null).WriteTo(Temp.File("totals.xlsx"));

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        Assert.Equal(2, outcome.Entries["item"]);
        var warning = Assert.Single(outcome.Warnings);
        Assert.Equal(("SHEET008", 4), (warning.Code, warning.Where.Row!.Value));
    }

    [Fact]
    public void ARowOfFiguresInTheMiddleIsALineNotATotal()
    {
        var path = OutputJournal.New().Output(10, 120).Row(null, null, null, null, null, 180m, 15m, null).Output(5, 60).WriteTo(Temp.File("middle.xlsx"));

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        Assert.Equal(PostingStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Errors, e => e is { Code: "PostingDateRequired", Where.Row: 3 });
    }

    [Fact]
    public void FormulasAreReadByTheirCachedValues()
    {
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("formulas.xlsx"));
        using (var document = SpreadsheetDocument.Open(path, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var cell = sheet.Descendants<Cell>().Single(c => c.CellReference!.Value == "G2");
            cell.CellFormula = new CellFormula("4+3.5");
            cell.CellValue = new CellValue("7.5");
            sheet.Save();
        }

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        Assert.Equal(PostingStatus.Posted, outcome.Status);
        Assert.Equal(7_50000L, LedgerQueries.Rows(Temp.File("l.db"), "SELECT quantity FROM item_entry")[0][0]);
    }

    [Fact]
    public void AFormulaIsReadAsExcelShowsItToFifteenDigits()
    {
        var path = OutputJournal.New().Output(1, 120).WriteTo(Temp.File("sum.xlsx"));
        using (var document = SpreadsheetDocument.Open(path, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var cell = sheet.Descendants<Cell>().Single(c => c.CellReference!.Value == "G2");
            cell.CellFormula = new CellFormula("0.1+0.2");
            cell.CellValue = new CellValue("0.30000000000000004");
            sheet.Save();
        }

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.Equal(30000L, LedgerQueries.Rows(Temp.File("l.db"), "SELECT quantity FROM item_entry")[0][0]);
    }

    [Fact]
    public void ANorwegianSemicolonCsvWithDecimalCommasIsRead()
    {
        var path = Temp.File("ferdigmelding.csv");
        File.WriteAllText(path, "\uFEFFBokføringsdato;Dokumentnr.;Produksjonsordrenr.;Varenr.;Operasjonsnr.;Kjøretid;Ferdigmeldt antall;Utligningspost\n" +
                                "03.11.2026;FM-7;PO-9;SYKKEL;10;1 234,5;12,25;\n", new UTF8Encoding(false));

        var outcome = new PostingPipeline(TestHost.With(Temp.File("l.db"))).Run(new PostingRequest { WorkbookPath = path, Culture = System.Globalization.CultureInfo.GetCultureInfo("nb-NO") });

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.Equal([[1234_50000L, 12_25000L, "2026-11-03"]], LedgerQueries.Rows(Temp.File("l.db"), "SELECT run_time, output_quantity, posting_date FROM capacity_entry").Select(r => r.ToArray()).ToArray());
    }

    [Theory]
    [InlineData("sv-SE", "2026-11-03", "12,5")]
    [InlineData("nb-NO", "03.11.2026", "12,5")]
    [InlineData("en-US", "11/3/2026", "12.5")]
    public void TextDatesAndNumbersAreReadAsTheCultureWritesThem(string culture, string date, string runTime)
    {
        var path = Temp.File($"{culture}.csv");
        File.WriteAllText(path, string.Join(";", OutputJournal.Headers) + "\n" + $"{date};OUT-1;PO-1;ITEM-1;10;{runTime};1;\n");

        var outcome = new PostingPipeline(TestHost.With(Temp.File($"{culture}.db"))).Run(new PostingRequest { WorkbookPath = path, Culture = System.Globalization.CultureInfo.GetCultureInfo(culture) });

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.Equal([["2026-11-03", 12_50000L]], LedgerQueries.Rows(Temp.File($"{culture}.db"), "SELECT posting_date, run_time FROM capacity_entry").Select(r => r.ToArray()).ToArray());
    }

    [Fact]
    public void ColumnsTheJournalDoesNotReadAreNamedInTheReport()
    {
        var path = Temp.File("extra.xlsx");
        XlsxWriter.Write(path, new XlsxWriter.Sheet("Output Journal", [.. OutputJournal.Headers, "Approved by"], [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 5m, 1m, null, "Anna"]]));

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        Assert.Contains("Columns not read by posting: Approved by", File.ReadAllText(outcome.ReportPath!));
    }

    [Fact]
    public void AWorkbookOfAnotherJournalIsRefusedSayingWhichHeadersEachPluginMisses()
    {
        var path = Temp.File("almost.xlsx");
        XlsxWriter.Write(path, new XlsxWriter.Sheet("Output Journal", OutputJournal.Headers[..^2], [[OutputJournal.Day, "OUT-1", "PO-1", "ITEM-1", "10", 5m]]));

        var outcome = TestHost.Post(Temp.File("l.db"), path);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("PLUGIN012", error.Code);
        Assert.Contains("output-reversal found 6 of its headers on sheet 'Output Journal' and misses 'Output Quantity', 'Applies-to Entry'.", error.Message);
    }
}
