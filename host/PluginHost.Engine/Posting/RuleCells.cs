using PluginHost.Contracts.Journal;
using PluginHost.Engine.Problems;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Engine.Posting;

/// <summary>
/// Gives a failed rule the cell it is about, on the failing row: of the journal columns the rule reads (see
/// <see cref="RuleFields"/>), the first one left empty on that row (a required value missing is what such a rule is
/// about), else the first one. A rule message then prints as <c>Output Journal!G3</c> and lands in the JSON's column
/// and cell, as a cell that cannot be read does.
/// </summary>
internal static class RuleCells
{
    public static IEnumerable<Problem> Locate(IEnumerable<Problem> problems, HeaderMatch header, IReadOnlyList<JournalLine> lines)
    {
        var indexByName = header.Columns.ToDictionary(c => c.Key.Name, c => c.Value, StringComparer.Ordinal);
        var lineByRow = lines.ToDictionary(l => l.Row);
        foreach (var problem in problems)
        {
            var where = problem.Where;
            if (where.Row is not { } row || where.Column is not null || where.Fields.FirstOrDefault(indexByName.ContainsKey) is not { } field)
            {
                yield return problem;
                continue;
            }
            if (lineByRow.TryGetValue(row, out var line))
                field = where.Fields.Where(indexByName.ContainsKey).FirstOrDefault(f => IsEmpty(line, f)) ?? field;
            var index = indexByName[field];
            yield return problem with { Where = where with { Column = header.Headers[index], Cell = CellReference.Of(index, row) } };
        }
    }

    private static bool IsEmpty(JournalLine line, string property) =>
        line.GetType().GetProperty(property)?.GetValue(line) is not { } value || value is string text && string.IsNullOrWhiteSpace(text);
}
