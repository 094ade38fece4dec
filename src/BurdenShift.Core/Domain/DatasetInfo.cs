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
}
