using PluginHost.Contracts.Journal;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Workbooks;

/// <summary>The typed lines of one sheet, and every problem met reading them (all of them, not the first).</summary>
/// <param name="Sheet">The sheet read.</param>
/// <param name="Lines">Lines that converted without error.</param>
/// <param name="Problems">Conversion problems, each at its cell.</param>
/// <param name="RowsRead">Non-empty rows below the header, including those with problems.</param>
/// <param name="ExtraColumns">Headers the journal does not use, kept for the report.</param>
public sealed record JournalReadResult(
    string Sheet,
    IReadOnlyList<JournalLine> Lines,
    IReadOnlyList<Problem> Problems,
    int RowsRead,
    IReadOnlyList<string> ExtraColumns);
