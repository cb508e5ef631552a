using PluginHost.Engine.Workbooks;

namespace PluginHost.Tests.Support;

/// <summary>Builds sales and returns workbooks line by line, as a Dynamics 365 user exports them.</summary>
public sealed class SalesJournal
{
    public static readonly string[] Headers =
        ["Order Type", "Order No.", "RMA No.", "Customer No.", "Posting Date", "Invoice No.", "Invoice Line No.", "Item No.", "Quantity", "Unit Price", "Return Reason", "Return Status"];

    public static readonly DateOnly InvoiceDay = new(2026, 11, 2);
    public static readonly DateOnly ReturnDay = new(2026, 11, 9);

    private readonly List<IReadOnlyList<object?>> _rows = [];

    public static SalesJournal New() => new();

    /// <summary>A sales order line invoiced as <paramref name="invoice"/> line <paramref name="line"/>.</summary>
    public SalesJournal Sale(string invoice, int line, decimal quantity, decimal unitPrice, string item = "ITEM-1", string customer = "C-1", string order = "SO-1", DateOnly? date = null) =>
        Row("Sales order", order, null, customer, date ?? InvoiceDay, invoice, line, item, quantity, unitPrice, null, null);

    /// <summary>A returned order line crediting <paramref name="quantity"/> (negative) against an invoice line.</summary>
    public SalesJournal Return(string invoice, int line, decimal quantity, decimal unitPrice, string order = "RO-1", string rma = "RMA-1", string item = "ITEM-1",
        string customer = "C-1", string reason = "DAMAGED", string status = "Received", DateOnly? date = null) =>
        Row("Returned order", order, rma, customer, date ?? ReturnDay, invoice, line, item, quantity, unitPrice, reason, status);

    public SalesJournal Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public string WriteTo(string path, string sheet = "Sales and Returns")
    {
        XlsxWriter.Write(path, new XlsxWriter.Sheet(sheet, Headers, _rows));
        return path;
    }
}
