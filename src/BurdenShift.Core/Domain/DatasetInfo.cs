namespace BurdenShift.Core.Domain;

/// <summary>
/// The single row that says which dataset the database was seeded with. Pages and exports read
/// <see cref="IsIllustrative"/> to watermark data that is not drawn from published sources.
/// </summary>
public class DatasetInfo
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string Dataset { get; set; }

    public bool IsIllustrative { get; set; }

    public DateTimeOffset SeededAt { get; set; }

    /// <summary>
    /// Grows by one with every save that changes figures, from any process (the app, another
    /// instance, the CLI import); open dashboards poll it to refresh themselves.
    /// </summary>
    public long DataVersion { get; set; }

    /// <summary>What the last change was, e.g. "3 share assessments added by import:q3.csv".</summary>
    public string? ChangeSummary { get; set; }
}
