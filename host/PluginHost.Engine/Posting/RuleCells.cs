using PluginHost.Engine.Problems;
using PluginHost.Engine.Workbooks;

namespace PluginHost.Engine.Posting;

/// <summary>
/// Gives a failed rule the cell it is about: the first journal column the rule reads (see <see cref="RuleFields"/>),
/// on the failing row, so a rule message prints as <c>Output Journal!G3</c> and lands in the JSON's column and cell,
/// as a cell that cannot be read does.
/// </summary>
internal static class RuleCells
{
    public static IEnumerable<Problem> Locate(IEnumerable<Problem> problems, HeaderMatch header)
    {
        var indexByName = header.Columns.ToDictionary(c => c.Key.Name, c => c.Value, StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            var where = problem.Where;
            if (where.Row is not { } row || where.Column is not null || where.Fields.FirstOrDefault(indexByName.ContainsKey) is not { } field)
            {
                yield return problem;
                continue;
            }
            var index = indexByName[field];
            yield return problem with { Where = where with { Column = header.Headers[index], Cell = CellReference.Of(index, row) } };
        }
    }
}
