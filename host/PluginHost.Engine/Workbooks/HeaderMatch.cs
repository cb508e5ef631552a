using PluginHost.Contracts.Journal;

namespace PluginHost.Engine.Workbooks;

/// <summary>
/// Which worksheet column holds which journal column, found by header text in any order. Columns the journal
/// does not know are kept (by header) for the report and ignored by posting.
/// </summary>
/// <param name="HeaderRow">The row number of the header row.</param>
/// <param name="Headers">Header text of every worksheet column, by index.</param>
/// <param name="Columns">Worksheet column index of each journal column found.</param>
/// <param name="Missing">Required journal columns not found.</param>
/// <param name="Duplicates">Journal columns named by more than one header.</param>
public sealed record HeaderMatch(
    int HeaderRow,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<JournalColumn, int> Columns,
    IReadOnlyList<JournalColumn> Missing,
    IReadOnlyList<JournalColumn> Duplicates)
{
    /// <summary>How many rows from the top are searched for the header row.</summary>
    public const int RowsSearched = 10;

    /// <summary>True when every required column was found once.</summary>
    public bool IsComplete => Missing.Count == 0 && Duplicates.Count == 0;

    /// <summary>Headers that name no journal column, with their column index.</summary>
    public IEnumerable<(int Index, string Header)> ExtraColumns =>
        Headers.Select((h, i) => (Index: i, Header: h))
            .Where(x => x.Header.Length > 0 && !Columns.Values.Contains(x.Index) && !Duplicates.Any(d => d.NormalizedCaptions.Contains(HeaderText.Normalize(x.Header))));

    /// <summary>
    /// Finds the header row among the first rows (the one naming most journal columns) and matches its cells.
    /// Null when no row names any column.
    /// </summary>
    public static HeaderMatch? Find(IReadOnlyList<WorkbookRow> firstRows, JournalSchema schema)
    {
        var columns = JournalColumns.Of(schema.LineType);
        HeaderMatch? best = null;
        foreach (var row in firstRows.Take(RowsSearched))
        {
            var match = Match(row, columns);
            if (match.Columns.Count > 0 && (best is null || match.Columns.Count > best.Columns.Count))
                best = match;
        }
        return best;
    }

    private static HeaderMatch Match(WorkbookRow row, IReadOnlyList<JournalColumn> columns)
    {
        var headers = row.Cells.Select(c => c is null ? "" : CellParser.AsText(c)).ToList();
        var found = new Dictionary<JournalColumn, int>();
        var duplicates = new List<JournalColumn>();
        for (var i = 0; i < headers.Count; i++)
        {
            var normalized = HeaderText.Normalize(headers[i]);
            if (normalized.Length == 0)
                continue;
            var column = columns.FirstOrDefault(c => c.NormalizedCaptions.Contains(normalized));
            if (column is null)
                continue;
            if (!found.TryAdd(column, i) && !duplicates.Contains(column))
                duplicates.Add(column);
        }
        var missing = columns.Where(c => c.Declaration.Required && !found.ContainsKey(c)).ToList();
        return new HeaderMatch(row.Number, headers, found, missing, duplicates);
    }
}
