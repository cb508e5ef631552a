using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Workbooks;

/// <summary>Journals with the Swedish and Norwegian captions of Business Central and Dynamics 365, as users export them.</summary>
public sealed class NordicWorkbookTests : TempFolderTest
{
    private PostingOutcome Post(string db, string path, string culture) =>
        new PostingPipeline(TestHost.With(db)).Run(new PostingRequest { WorkbookPath = path, Culture = System.Globalization.CultureInfo.GetCultureInfo(culture) });

    [Fact]
    public void ANorwegianOutputJournalWithUtligningspostReversesOutput()
    {
        var db = Temp.File("l.db");
        string[] headers = ["Bokføringsdato", "Dokumentnr.", "Produksjonsordrenr.", "Varenr.", "Operasjonsnr.", "Kjøretid", "Ferdigmeldt antall", "Utligningspost"];
        var originals = Temp.File("original.xlsx");
        XlsxWriter.Write(originals, new XlsxWriter.Sheet("Ferdigmeldingskladd", headers, [["02.11.2026", "FM-1", "PO-7", "SYKKEL", "10", "12,5", "10", null]]));
        var reversal = Temp.File("reversal.xlsx");
        XlsxWriter.Write(reversal, new XlsxWriter.Sheet("Ferdigmeldingskladd", headers, [["05.11.2026", "TB-1", "PO-7", "SYKKEL", "10", "-2,5", "-2", "1"]]));

        Assert.Equal(PostingStatus.Posted, Post(db, originals, "nb-NO").Status);
        var outcome = Post(db, reversal, "nb-NO");

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.Equal([[1_000000L, 800000L], [-200000L, 0L]], LedgerQueries.Rows(db, "SELECT quantity, remaining_quantity FROM item_entry ORDER BY entry_no").Select(r => r.ToArray()).ToArray());
        Assert.Equal("2026-11-05", LedgerQueries.Rows(db, "SELECT posting_date FROM item_entry WHERE entry_no = 2")[0][0]);
    }

    [Fact]
    public void ASwedishReturnOrderMarkedInlevereradIsCredited()
    {
        var db = Temp.File("l.db");
        string[] headers = ["Ordertyp", "Ordernummer", "RMA-nummer", "Kundnummer", "Bokföringsdatum", "Fakturanummer", "Fakturaradnummer", "Artikelnummer", "Kvantitet", "Enhetspris", "Returorsak", "Returstatus"];
        var sales = Temp.File("sales.xlsx");
        XlsxWriter.Write(sales, new XlsxWriter.Sheet("Försäljning och returer", headers, [["Försäljningsorder", "SO-1", null, "K-1", "2026-11-02", "F-1", 1, "CYKEL", 4m, "1 999,50", null, null]]));
        var returns = Temp.File("returns.xlsx");
        XlsxWriter.Write(returns, new XlsxWriter.Sheet("Försäljning och returer", headers, [["Returnerad order", "RO-1", "RMA-9", "K-1", "2026-11-09", "F-1", 1, "CYKEL", -1m, "1 999,50", "Skadad", "Inlevererad"]]));

        Assert.Equal(PostingStatus.Posted, Post(db, sales, "sv-SE").Status);
        var outcome = Post(db, returns, "sv-SE");

        Assert.True(outcome.Status == PostingStatus.Posted, string.Join("\n", outcome.Problems));
        Assert.Equal([[799800L, 599850L], [-199950L, 0L]], LedgerQueries.Rows(db, "SELECT amount, remaining_amount FROM customer_entry ORDER BY entry_no").Select(r => r.ToArray()).ToArray());
    }
}
