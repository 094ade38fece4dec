namespace BurdenShift.Core.Domain;

/// <summary>
/// What a dated figure carries whatever it measures (a share assessment, an indicator
/// observation): the date it describes, the source it cites and how far that source is trusted,
/// who entered it, and its soft-delete stamp. Not an entity of its own: each figure has its table.
/// </summary>
public abstract class SourcedFigure : SourcedRow
{
    public long Id { get; set; }

    /// <summary>The date the figure describes (end of period when the source gave only a period).</summary>
    public DateOnly AsOf { get; set; }

    public DatePrecision AsOfPrecision { get; set; } = DatePrecision.Day;

    public Confidence Confidence { get; set; }

    public string? Note { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }
}
