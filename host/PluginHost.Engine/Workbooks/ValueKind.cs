namespace PluginHost.Engine.Workbooks;

/// <summary>How a column's cells are read, decided by the line property's type.</summary>
public enum ValueKind
{
    /// <summary>string</summary>
    Text,

    /// <summary>decimal, with a limit on decimals</summary>
    Decimal,

    /// <summary>int or long</summary>
    Integer,

    /// <summary>DateOnly</summary>
    Date,
}
