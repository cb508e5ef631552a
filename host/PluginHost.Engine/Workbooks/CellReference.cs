namespace PluginHost.Engine.Workbooks;

/// <summary>A1-style cell references.</summary>
public static class CellReference
{
    /// <summary>The column letters for a 0-based index: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>e.g. <c>F12</c>.</summary>
    public static string Of(int columnIndex, int row) => ColumnLetters(columnIndex) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
