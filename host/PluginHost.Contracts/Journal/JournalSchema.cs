namespace PluginHost.Contracts.Journal;

/// <summary>The journal a plugin reads.</summary>
/// <param name="LineType">A <see cref="JournalLine"/> subclass whose <see cref="ColumnAttribute"/> properties are the columns.</param>
/// <param name="SheetNames">Sheet names that identify the journal (English first), e.g. <c>Output Journal</c>.</param>
public sealed record JournalSchema(Type LineType, IReadOnlyList<string> SheetNames)
{
    /// <summary>The sheet name a template uses per language (en, sv, nb); the first sheet name when a language is missing.</summary>
    public IReadOnlyDictionary<string, string> SheetNameByLanguage { get; init; } = new Dictionary<string, string>();
}
