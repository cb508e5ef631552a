namespace PluginHost.Engine.Workbooks;

/// <summary>A cell holding an Excel error value (#N/A, #DIV/0!, #REF! ...): never a value, always a problem at its cell.</summary>
/// <param name="Code">The error as Excel shows it.</param>
public sealed record ExcelError(string Code)
{
    /// <inheritdoc />
    public override string ToString() => Code;
}
