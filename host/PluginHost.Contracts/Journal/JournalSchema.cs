namespace PluginHost.Contracts.Journal;

/// <summary>The journal a plugin reads.</summary>
/// <param name="LineType">A <see cref="JournalLine"/> subclass whose <see cref="ColumnAttribute"/> properties are the columns.</param>
/// <param name="SheetNames">Sheet names that identify the journal (English first), e.g. <c>Output Journal</c>.</param>
public sealed record JournalSchema(Type LineType, IReadOnlyList<string> SheetNames);
