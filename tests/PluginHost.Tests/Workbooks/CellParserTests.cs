using System.Globalization;
using PluginHost.Contracts.Journal;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Tests.Workbooks;

/// <summary>How cells become values: exact decimals, strict grouping, dates by culture, never a silent zero.</summary>
public sealed class CellParserTests
{
    private sealed class Line : JournalLine
    {
        [Column("Quantity")]
        public decimal Quantity { get; init; }

        [Column("Amount", Decimals = 2)]
        public decimal? Amount { get; init; }

        [Column("Entry")]
        public long? Entry { get; init; }

        [Column("Date")]
        public DateOnly? Date { get; init; }

        [Column("Text")]
        public string Text { get; init; } = "";
    }

    private static JournalColumn Column(string name) => JournalColumns.Of(typeof(Line)).Single(c => c.Name == name);

    private static CellParser.Parsed Parse(object? raw, string column, string culture = "") =>
        CellParser.Parse(raw, Column(column), CultureInfo.GetCultureInfo(culture));

    [Theory]
    [InlineData("12.5", "", "12.5")]
    [InlineData("1,234.5", "en-US", "1234.5")]
    [InlineData("12,5", "sv-SE", "12.5")]
    [InlineData("1 234,5", "sv-SE", "1234.5")]
    [InlineData("-0,00001", "nb-NO", "-0.00001")]
    [InlineData("12.5", "sv-SE", "12.5")]
    public void TextNumbersAreReadInTheCulture(string text, string culture, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Parse(text, "Quantity", culture).Value);

    [Theory]
    [InlineData("12,5,0", "")]
    [InlineData("1,23", "en-US")]
    [InlineData("abc", "")]
    [InlineData("12 kg", "sv-SE")]
    public void MalformedNumbersAreErrorsNotGuesses(string text, string culture)
    {
        var parsed = Parse(text, "Quantity", culture);
        Assert.Null(parsed.Value);
        Assert.Equal($"\"{text}\" is not a number", parsed.Error);
    }

    [Fact]
    public void NumberCellsKeepTheDigitsTheUserTyped()
    {
        Assert.Equal(0.1m, Parse(0.1d, "Quantity").Value);
        Assert.Equal(123456.78901m, Parse(123456.78901d, "Quantity").Value);
    }

    [Fact]
    public void MoreDecimalsThanAllowedAreRefusedNotRounded()
    {
        Assert.Equal("1.123456 has 6 decimals; at most 5 are allowed (it is not rounded)", Parse(1.123456d, "Quantity").Error);
        Assert.Equal("10.005 has 3 decimals; at most 2 are allowed (it is not rounded)", Parse("10.005", "Amount").Error);
        Assert.Equal(10.5m, Parse("10.50000", "Amount").Value);
    }

    [Fact]
    public void EmptyCellsAreZeroForQuantitiesAndAbsentForOptionalValues()
    {
        Assert.Equal(0m, Parse(null, "Quantity").Value);
        Assert.Null(Parse("  ", "Amount").Value);
        Assert.Null(Parse(null, "Entry").Value);
        Assert.Null(Parse(null, "Date").Value);
    }

    [Theory]
    [InlineData("2026-11-02", "")]
    [InlineData("2026-11-02", "sv-SE")]
    [InlineData("02.11.2026", "nb-NO")]
    [InlineData("11/2/2026", "en-US")]
    public void TextDatesAreReadAsIsoOrInTheCulture(string text, string culture) =>
        Assert.Equal(new DateOnly(2026, 11, 2), Parse(text, "Date", culture).Value);

    [Fact]
    public void DateProblemsSayWhatIsExpected()
    {
        Assert.Equal(new DateOnly(2026, 11, 2), Parse(new DateTime(2026, 11, 2), "Date").Value);
        Assert.Equal("46000 is a number, not a date; format the cell as a date", Parse(46000d, "Date").Error);
        Assert.StartsWith("\"32/13/2026\" is not a date (write it as 2026-01-31 or as sv-SE writes dates", Parse("32/13/2026", "Date", "sv-SE").Error);
    }

    [Fact]
    public void WholeNumbersMustBeWhole()
    {
        Assert.Equal(17L, Parse(17d, "Entry").Value);
        Assert.Equal("\"17.5\" is not a whole number", Parse(17.5d, "Entry").Error);
    }

    [Fact]
    public void TextCellsShowNumbersWithoutBinaryNoise() =>
        Assert.Equal("1001", Parse(1001d, "Text").Value);
}
