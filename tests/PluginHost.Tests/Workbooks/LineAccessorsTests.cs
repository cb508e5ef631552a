using PluginHost.Contracts.Journal;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Tests.Workbooks;

/// <summary>The compiled accessors that map cells to journal lines behave as reflection's did.</summary>
public sealed class LineAccessorsTests
{
    private sealed class SampleLine : JournalLine
    {
        public decimal Quantity { get; init; } = 5m;

        public int? Count { get; init; } = 7;

        public string? Note { get; init; } = "preset";

        public DateOnly Day { get; init; }
    }

    private static System.Reflection.PropertyInfo Property(string name) => typeof(SampleLine).GetProperty(name)!;

    [Fact]
    public void ALineIsCreatedAndItsInitOnlyPropertiesAreSetAndReadBack()
    {
        var line = LineAccessors.Create(typeof(SampleLine));

        LineAccessors.Set(Property(nameof(SampleLine.Quantity)), line, 12.5m);
        LineAccessors.Set(Property(nameof(SampleLine.Day)), line, new DateOnly(2026, 11, 21));
        LineAccessors.Set(typeof(JournalLine).GetProperty(nameof(JournalLine.Row))!, line, 42);

        var sample = Assert.IsType<SampleLine>(line);
        Assert.Equal((12.5m, new DateOnly(2026, 11, 21), 42), (sample.Quantity, sample.Day, sample.Row));
        Assert.Equal(12.5m, LineAccessors.Get(Property(nameof(SampleLine.Quantity)), line));
    }

    [Fact]
    public void NullSetsTheDefaultOfEveryKindOfPropertyAsReflectionDoesOverridingTheInitialiser()
    {
        var line = LineAccessors.Create(typeof(SampleLine));

        LineAccessors.Set(Property(nameof(SampleLine.Quantity)), line, null);
        LineAccessors.Set(Property(nameof(SampleLine.Count)), line, null);
        LineAccessors.Set(Property(nameof(SampleLine.Note)), line, null);

        var sample = (SampleLine)line;
        var reflected = new SampleLine();
        foreach (var name in new[] { nameof(SampleLine.Quantity), nameof(SampleLine.Count), nameof(SampleLine.Note) })
            Property(name).SetValue(reflected, null);
        Assert.Equal((reflected.Quantity, reflected.Count, reflected.Note), (sample.Quantity, sample.Count, sample.Note));
        Assert.Equal((0m, (int?)null, (string?)null), (sample.Quantity, sample.Count, sample.Note));
    }
}
