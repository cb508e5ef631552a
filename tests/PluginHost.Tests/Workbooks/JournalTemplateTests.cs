using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PluginHost.Engine.Posting;
using PluginHost.Tests.Support;

namespace PluginHost.Tests.Workbooks;

/// <summary>`pluginhost template` writes a journal a user can fill in: it reads back as the plugin's journal in every language.</summary>
public sealed class JournalTemplateTests : TempFolderTest
{
    public static TheoryData<string, string> PluginsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var plugin in new[] { "output-reversal", "return-credit", "invoice-correction" })
            foreach (var language in new[] { "en", "sv", "nb" })
                data.Add(plugin, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(PluginsAndLanguages))]
    public void ATemplateReadsBackAsThePluginsJournalAndItsSampleLineValidates(string plugin, string language)
    {
        var path = Temp.File($"{plugin}-{language}.xlsx");

        var written = Support.Cli.Run(["template", plugin, "--lang", language, "-o", path, .. Support.Cli.Folders(Temp.File("l.db"))]);
        var outcome = TestHost.Post(Temp.File("l.db"), path, dryRun: true);

        Assert.Equal(ExitCodes.Done, written.ExitCode);
        Assert.True(outcome.Status == PostingStatus.Validated, string.Join("\n", outcome.Problems));
        Assert.Equal((plugin, 1), (outcome.Plugin, outcome.Lines));
    }

    [Theory]
    [InlineData("template.csv")]
    [InlineData("template.xls")]
    [InlineData("template")]
    public void ATemplateAskedForUnderANameThatIsNotXlsxIsRefusedAndNothingIsWritten(string name)
    {
        var path = Temp.File(name);

        var result = Support.Cli.Run(["template", "output-reversal", "-o", path, .. Support.Cli.Folders(Temp.File("l.db"))]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("REPORT001", result.Error);
        Assert.Contains("ending in .xlsx", result.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ATemplateIsAValidWorkbookWithCommentsDropDownsAndAFrozenHeader()
    {
        var path = Temp.File("returns.xlsx");
        Support.Cli.Run(["template", "return-credit", "--lang", "sv", "-o", path, .. Support.Cli.Folders(Temp.File("l.db"))]);

        using var document = SpreadsheetDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheet = document.WorkbookPart!.WorksheetParts.Single();
        Assert.Equal("Försäljning och returer", document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        Assert.Equal("Ordertyp", sheet.Worksheet.Descendants<Cell>().First().InnerText);
        Assert.Equal(12, sheet.WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().Count());
        Assert.Contains(sheet.Worksheet.Descendants<DataValidation>(), v => v.Formula1!.Text == "\"Received,Awaiting,Registered,Quarantine,Invoiced\"");
        Assert.Equal(PaneStateValues.Frozen, sheet.Worksheet.Descendants<Pane>().Single().State!.Value);
    }

    [Fact]
    public void AnUnknownPluginIsNamedWithTheOnesThereAre()
    {
        var result = Support.Cli.Run(["template", "nope", .. Support.Cli.Folders(Temp.File("l.db"))]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("there is no plugin named 'nope'; the plugins are invoice-correction, output-reversal, return-credit", result.Error);
    }
}
