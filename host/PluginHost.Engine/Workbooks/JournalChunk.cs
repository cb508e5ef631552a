using PluginHost.Contracts.Journal;
using PluginHost.Engine.Problems;

namespace PluginHost.Engine.Workbooks;

/// <summary>Consecutive lines of a sheet as read, with the problems met reading them.</summary>
/// <param name="Lines">Lines that converted without error, in row order.</param>
/// <param name="Problems">Problems of the rows of this chunk (and, in the last chunk, of the sheet as a whole).</param>
/// <param name="RowsRead">Non-empty rows below the header read so far, this chunk's included.</param>
internal sealed record JournalChunk(IReadOnlyList<JournalLine> Lines, IReadOnlyList<Problem> Problems, int RowsRead);
