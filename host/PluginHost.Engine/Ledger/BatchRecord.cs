namespace PluginHost.Engine.Ledger;

/// <summary>One posting attempt: what was posted (or refused), from which file, by whom, when.</summary>
public sealed record BatchRecord
{
    /// <summary>Batch number.</summary>
    public long Id { get; init; }

    /// <summary>Plugin name.</summary>
    public required string Plugin { get; init; }

    /// <summary>The workbook's file name.</summary>
    public required string FileName { get; init; }

    /// <summary>Hex SHA-256 of the workbook's bytes.</summary>
    public required string FileSha256 { get; init; }

    /// <summary>The sheet read.</summary>
    public required string Sheet { get; init; }

    /// <summary>Who posted it.</summary>
    public required string User { get; init; }

    /// <summary>When, UTC.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Journal lines read.</summary>
    public required int LineCount { get; init; }

    /// <summary>posted or rejected.</summary>
    public required string Status { get; init; }

    /// <summary>The workflow that checked it.</summary>
    public required string Workflow { get; init; }

    /// <summary>Hex SHA-256 of the rule file in force.</summary>
    public required string RulesSha256 { get; init; }

    /// <summary>The <see cref="Workbooks.JournalFingerprint"/> of the lines, or null for a batch recorded before fingerprints.</summary>
    public string? ContentSha256 { get; init; }
}
