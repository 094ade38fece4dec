namespace BurdenShift.Core.Domain;

/// <summary>
/// Writes that belong together and can be undone together, such as the rows of one import. Each
/// of its audit entries points to it.
/// </summary>
public class ChangeSet
{
    public long Id { get; set; }

    /// <summary><c>import</c> or <c>undo</c>.</summary>
    public required string Kind { get; set; }

    public required string Description { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public int RowCount { get; set; }

    public DateTimeOffset? UndoneAt { get; set; }

    public string? UndoneBy { get; set; }
}
