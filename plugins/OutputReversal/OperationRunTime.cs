namespace PluginHost.Plugins.OutputReversal;

/// <summary>
/// The rules' <c>operation</c> input: for a line that takes run time off (a negative Run Time, with or without output),
/// the run time posted on its production order's operation, in the ledger and by the rows above in the same workbook.
/// Other lines get <see cref="None"/>.
/// </summary>
public sealed class OperationRunTime
{
    /// <summary>For lines that post output, or add run time.</summary>
    public static readonly OperationRunTime None = new();

    /// <summary>Run time posted on the operation in the ledger, before this workbook.</summary>
    public decimal InLedger { get; init; }

    /// <summary>Run time the rows above in this workbook add to the operation (negative when they take it off).</summary>
    public decimal ByRowsAbove { get; init; }

    /// <summary>What the operation has posted when this line comes: the ledger's and the rows above.</summary>
    public decimal Posted { get; init; }
}
