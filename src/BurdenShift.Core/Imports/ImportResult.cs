namespace BurdenShift.Core.Imports;

public enum ImportKind
{
    Unknown = 0,
    ShareAssessments = 1,
    IndicatorObservations = 2,
}

/// <summary>A reason a file or one of its rows was refused; line 1 is the header.</summary>
public sealed record ImportProblem(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}

/// <summary>One valid row as it would be (or was) written, for the preview, with its range bounds when given.</summary>
public sealed record ImportPreviewRow(
    int Line, string Key, DateOnly AsOf, decimal? EuropeShare, decimal? UsShare, decimal? Value, string Confidence, string Source, string? Note, ImportBounds Bounds);

/// <summary>
/// An imported figure's range bounds, null where the file gave none: Europe's and the US share's
/// for an assessment, the value's for an observation.
/// </summary>
public sealed record ImportBounds(decimal? EuropeLow, decimal? EuropeHigh, decimal? UsLow, decimal? UsHigh, decimal? Low, decimal? High)
{
    public static ImportBounds None { get; } = new(null, null, null, null, null, null);
}

/// <summary>What an import did. Nothing is written unless every row is valid.</summary>
public sealed record ImportResult(
    ImportKind Kind,
    int Rows,
    IReadOnlyList<ImportProblem> Problems,
    bool Written,
    IReadOnlyList<string> NewSources)
{
    /// <summary>The valid rows, in file order (empty when the file could not be read at all).</summary>
    public IReadOnlyList<ImportPreviewRow> Preview { get; init; } = [];

    /// <summary>The change set the rows were written in, to undo the import as a whole.</summary>
    public long? ChangeSetId { get; init; }

    /// <summary>Set when the import was kept as a draft for review (nothing published yet).</summary>
    public long? DraftId { get; init; }

    public bool Succeeded => Problems.Count == 0;

    public string KindName => Kind switch
    {
        ImportKind.ShareAssessments => "share assessments",
        ImportKind.IndicatorObservations => "indicator observations",
        _ => "rows",
    };
}
