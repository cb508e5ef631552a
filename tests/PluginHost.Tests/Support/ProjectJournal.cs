using PluginHost.Engine.Workbooks;

namespace PluginHost.Tests.Support;

/// <summary>Builds project invoice workbooks: confirmed invoice lines and corrective invoices.</summary>
public sealed class ProjectJournal
{
    public static readonly string[] Headers =
        ["Invoice No.", "Line No.", "Project No.", "Customer No.", "Transaction Type", "Resource", "Date", "Quantity", "Unit Price", "Status", "Corrects Invoice No.", "Remainder"];

    public static readonly DateOnly Day = new(2026, 11, 6);

    private readonly List<IReadOnlyList<object?>> _rows = [];

    public static ProjectJournal New() => new();

    /// <summary>A line of a confirmed (or draft) invoice.</summary>
    public ProjectJournal Line(string invoice, int line, decimal quantity, decimal unitPrice, string type = "Time", string status = "Confirmed", string project = "P-1", string customer = "C-1", string resource = "Anna") =>
        Row(invoice, line, project, customer, type, resource, Day, quantity, unitPrice, status, null, null);

    /// <summary>
    /// A line of corrective invoice <paramref name="invoice"/> giving the corrected quantity of a line of <paramref name="corrects"/>;
    /// it repeats the transaction's resource and date, as Project Operations' corrective invoice draft does.
    /// </summary>
    public ProjectJournal Correction(string invoice, string corrects, int line, decimal quantity, string type = "Time", string remainder = "", decimal? unitPrice = null,
        string project = "P-1", string customer = "C-1", string resource = "Anna", DateOnly? date = null) =>
        Row(invoice, line, project, customer, type, resource, date ?? Day, quantity, unitPrice, "Confirmed", corrects, remainder);

    public ProjectJournal Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public string WriteTo(string path, string sheet = "Project Invoices")
    {
        XlsxWriter.Write(path, new XlsxWriter.Sheet(sheet, Headers, _rows));
        return path;
    }
}
