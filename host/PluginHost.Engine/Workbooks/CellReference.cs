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

    /// <summary>A reference such as "J2" as its 1-based row and 0-based column.</summary>
    public static (int Row, int Column) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return (int.Parse(reference.AsSpan(i), System.Globalization.CultureInfo.InvariantCulture), column - 1);
    }
}
