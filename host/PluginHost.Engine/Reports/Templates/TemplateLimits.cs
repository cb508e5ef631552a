using System.Collections;

namespace PluginHost.Engine.Reports.Templates;

/// <summary>
/// The bounds of one render, sized to the report model so that any batch's report fits and a runaway template stops
/// with a TEMPLATE error instead of hanging or writing half a report. Scriban's defaults (1,000 loop steps, no output
/// limit) would refuse a 1,000-row table and let a loop write without end.
/// </summary>
/// <param name="StepsPerRow">Loop steps allowed per row of the model (a loop over a loop shares one budget).</param>
/// <param name="FixedSteps">Loop steps allowed on top, for the template's own small loops.</param>
/// <param name="Recursion">How deep partials and functions may call each other.</param>
/// <param name="CharactersPerRow">Output allowed per row of the model.</param>
/// <param name="FixedCharacters">Output allowed on top: the page, its styles, a logo.</param>
/// <param name="Time">How long one render may take.</param>
/// <param name="Characters">The longest single value a template may make (a padded or joined text).</param>
/// <param name="BytesPerRow">Memory a render may allocate per row of the model, on top of <paramref name="FixedBytes"/>.</param>
/// <param name="FixedBytes">Memory a render may allocate on top.</param>
public sealed record TemplateLimits(int StepsPerRow, int FixedSteps, int Recursion, int CharactersPerRow, int FixedCharacters, TimeSpan Time,
    int Characters = 256 * 1024, int BytesPerRow = 64 * 1024, long FixedBytes = 256L * 1024 * 1024)
{
    /// <summary>
    /// The limits of every report: a row may be looped over 4 times in the whole render, write 8 KiB and allocate
    /// 64 KiB; 10 s per render. The shipped templates allocate about 5 KiB per row (docs/performance.md).
    /// </summary>
    public static TemplateLimits Default { get; } = new(StepsPerRow: 4, FixedSteps: 1_000, Recursion: 20, CharactersPerRow: 8 * 1024, FixedCharacters: 2 * 1024 * 1024, Time: TimeSpan.FromSeconds(10));

    /// <summary>The bytes a render of this model may allocate.</summary>
    public long BytesFor(ReportModel model) => FixedBytes + (long)BytesPerRow * Rows(model);

    /// <summary>The loop steps a render of this model may take.</summary>
    public int StepsFor(ReportModel model) => (int)Math.Min(int.MaxValue, FixedSteps + (long)StepsPerRow * Rows(model));

    /// <summary>The characters a render of this model may write.</summary>
    public int CharactersFor(ReportModel model) => (int)Math.Min(int.MaxValue, FixedCharacters + (long)CharactersPerRow * Rows(model));

    /// <summary>Every row of every list in the model, nested lines included (the labels are not rows: a loop over them fits in the fixed steps).</summary>
    public static int Rows(ReportModel model)
    {
        var rows = 0;
        foreach (var field in ModelShape.Model.Fields)
            if (field.GetValue(model) is ICollection list and not IDictionary)
                rows += list.Count;
        foreach (var document in model.Invoices.Concat(model.CreditNotes))
            rows += document.Lines.Count;
        return rows;
    }
}
