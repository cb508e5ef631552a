using PluginHost.Engine.Workbooks;

namespace PluginHost.Tests.Support;

/// <summary>Builds output journal workbooks line by line, as a user fills Business Central's Output Journal.</summary>
public sealed class OutputJournal
{
    public static readonly string[] Headers =
        ["Posting Date", "Document No.", "Prod. Order No.", "Item No.", "Operation No.", "Run Time", "Output Quantity", "Applies-to Entry"];

    public static readonly DateOnly Day = new(2026, 11, 2);

    private readonly List<IReadOnlyList<object?>> _rows = [];

    public static OutputJournal New() => new();

    /// <summary>Output of <paramref name="quantity"/> with <paramref name="runTime"/> on a production order.</summary>
    public OutputJournal Output(decimal quantity, decimal runTime, string prodOrder = "PO-1", string item = "ITEM-1", string document = "OUT-1", DateOnly? date = null, string operation = "10") =>
        Row(date ?? Day, document, prodOrder, item, operation, runTime, quantity, null);

    /// <summary>A reversal: negative <paramref name="quantity"/> and <paramref name="runTime"/> applied to an entry.</summary>
    public OutputJournal Reversal(long appliesTo, decimal quantity, decimal runTime, string prodOrder = "PO-1", string item = "ITEM-1", string document = "REV-1", DateOnly? date = null) =>
        Row(date ?? Day.AddDays(3), document, prodOrder, item, "10", runTime, quantity, appliesTo);

    /// <summary>Any row, cells as given (null leaves a cell empty).</summary>
    public OutputJournal Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public string WriteTo(string path, string sheet = "Output Journal", string[]? headers = null)
    {
        XlsxWriter.Write(path, new XlsxWriter.Sheet(sheet, headers ?? Headers, _rows));
        return path;
    }
}
