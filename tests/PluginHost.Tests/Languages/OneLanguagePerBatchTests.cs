using PluginHost.Engine.Languages;
using PluginHost.Engine.Posting;
using PluginHost.Engine.Workbooks;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Languages;

/// <summary>
/// A batch in Swedish or Norwegian speaks that language everywhere a finance user reads: the command line's lines, the
/// host's cell messages (naming the column by the sheet's own header), the shipped rules' messages, the error workbook.
/// </summary>
public sealed class OneLanguagePerBatchTests : TempFolderTest
{
    private static readonly string[] SwedishHeaders = ["Bokföringsdatum", "Dokumentnr", "Prod.ordernr", "Artikelnr", "Operationsnr", "Körtid", "Utflödesantal", "Kopplas till löpnr"];

    [Fact]
    public void ARefusedSwedishJournalIsToldInSwedishOnTheCommandLineAndInItsErrorWorkbook()
    {
        var path = OutputJournal.New()
            .Row("2026-11-02", "UT-1", "PO-1", "CYKEL-1", "10", "abc", 5m, null)
            .Row("2026-11-02", "UT-2", "PO-1", "CYKEL-1", "10", -1m, -2m, null)
            .WriteTo(Temp.File("utflöde.xlsx"), sheet: "Utflödesjournal", headers: SwedishHeaders);

        var result = Support.Cli.Run(["post", path, "--lang", "sv", .. Support.Cli.Folders(Temp.File("l.db"))]);
        var said = result.Out + result.Error;

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("Utflödesjournal!F2: fel CELL001: Körtid: \"abc\" är inte ett tal", said);
        Assert.Contains("Utflödesjournal!H3: fel ReversalNeedsAppliesTo: Rad 3: ", said);
        Assert.Contains("avvisad: 3 fel på 2 av 2 rader; inget bokfördes (registrerad som batch 1). Rapport: ", said);
        Assert.Contains("Rätta de markerade cellerna i ", said);
        Assert.DoesNotContain(" error ", said, StringComparison.Ordinal);
        var errors = WorkbookFile.Read(Temp.File("utflöde.errors.xlsx")).ReadRows("Utflödesjournal").ToList();
        Assert.Equal("Fel", errors[0].Cells.Last(c => c is not null));
        Assert.StartsWith("Rad 2: Körtid: \"abc\" är inte ett tal", errors.Single(r => r.Number == 2).Cells.Last(c => c is not null)?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ANorwegianBatchSaysItsSummaryInNorwegian()
    {
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("avgang.xlsx"));

        var result = Support.Cli.Run(["post", path, "--lang", "nb", .. Support.Cli.Folders(Temp.File("l.db"))]);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        Assert.Contains("bokført: bunke 1, 1 linje, poster: 1 vare, 1 kapasitet. Rapport: ", result.Out + result.Error);
    }

    [Fact]
    public void AFilePostedTwiceIsRefusedInSwedishWithTheBatchThatPostedIt()
    {
        var path = OutputJournal.New().Output(10, 120).WriteTo(Temp.File("utflöde.xlsx"));
        var db = Temp.File("l.db");
        Support.Cli.Run(["post", path, .. Support.Cli.Folders(db)]);

        var again = Support.Cli.Run(["post", path, "--lang", "sv", .. Support.Cli.Folders(db)]);

        Assert.Equal(ExitCodes.Duplicate, again.ExitCode);
        Assert.Contains("fel FILE003: den här filen (bladet Output Journal) är redan bokförd som batch 1 (utflöde.xlsx, ", again.Out + again.Error);
        Assert.Contains("dubblett: redan bokförd som batch 1; inget bokfördes.", again.Out + again.Error);
    }

    [Fact]
    public void AMissingSwedishColumnIsNamedInSwedishWithItsEnglishAndNorwegianCaptions()
    {
        var path = OutputJournal.New().Row("2026-11-02", "UT-1", "PO-1", "CYKEL-1", "10", 5m, 1m)
            .WriteTo(Temp.File("utan-kolumn.xlsx"), sheet: "Utflödesjournal", headers: SwedishHeaders[..^1]);

        var result = Support.Cli.Run(["post", path, "--lang", "sv", "--plugin", "output-reversal", .. Support.Cli.Folders(Temp.File("l.db"))]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("fel SHEET002: kolumnen 'Kopplas till löpnr' (engelska 'Applies-to Entry', norska 'Utligningspost') saknas i rubrikraden (rad 1); output-reversal behöver: Bokföringsdatum, Dokumentnr, ", result.Out + result.Error);
    }

    [Fact]
    public void TheDemoInSwedishTellsItsStoriesAndWhatStandsInSwedish()
    {
        var dir = Temp.File("demo");

        var result = Support.Cli.Run(["demo", "--dir", dir, "--lang", "sv", "--plugins", TestHost.PluginsFolder, "--rules", TestHost.RulesFolder, "--templates", TestHost.TemplatesFolder]);

        Assert.Equal(ExitCodes.Done, result.ExitCode);
        Assert.Contains("- returns-2-credit.xlsx: returer: RO-5001 är inlevererad, RO-5002 väntar ännu på sin följesedel, så batchen avvisas", result.Out);
        Assert.Contains("Sales and Returns!L4: fel ReturnNotAwaiting: Rad 4: returorder RO-5002 har status Väntar", result.Out);
        Assert.Contains("Arbetsbok", result.Out);
        Assert.Contains("Returnerade varor åter i lager nu: BELL-7 5, BIKE-100 1, WHEEL-200 2", result.Out);
        Assert.Contains("Projekt PRJ-42 nu: fakturerat 1879.20, ofakturerat 49.90 icke debiterbart", result.Out);
        Assert.DoesNotContain(" error ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryLanguageHasEveryHostText()
    {
        foreach (var code in new[] { "sv", "nb" })
            Assert.Equal(HostText.English.Names.Order(StringComparer.Ordinal), HostText.For(code).Names.Order(StringComparer.Ordinal));
    }
}
