namespace PluginHost.Contracts.Ledger;

/// <summary>A project actual (Project Operations): billed or unbilled sales on a project invoice line.</summary>
public sealed record ProjectActual
{
    /// <summary>Actual number, unique.</summary>
    public required long ActualId { get; init; }

    /// <summary>The batch that posted it.</summary>
    public required long Batch { get; init; }

    /// <summary>The worksheet row it came from.</summary>
    public required int Row { get; init; }

    /// <summary>The project.</summary>
    public required string ProjectNo { get; init; }

    /// <summary>The invoice it belongs to (the corrective invoice, for a correction's actuals).</summary>
    public required string InvoiceNo { get; init; }

    /// <summary>The invoice line.</summary>
    public required int InvoiceLineNo { get; init; }

    /// <summary>Time, Expense, Fee, Milestone or Material.</summary>
    public required string TransactionType { get; init; }

    /// <summary>The resource (person, role, item) the line is for.</summary>
    public required string Resource { get; init; }

    /// <summary>The transaction date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Signed quantity: negative on a reversal.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Unit price.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>Signed amount, to the cent.</summary>
    public required decimal Amount { get; init; }

    /// <summary>BilledSales or UnbilledSales.</summary>
    public required ProjectActualType ActualType { get; init; }

    /// <summary>False for an unbilled remainder written off as non-chargeable.</summary>
    public required bool Chargeable { get; init; }

    /// <summary>For a reversal, the actual it reverses.</summary>
    public long? ReversesActualId { get; init; }

    /// <summary>True for the actuals of a corrective invoice.</summary>
    public required bool Correction { get; init; }
}
