namespace BurdenShift.Core.Domain;

/// <summary>
/// A dated estimate of the European and US shares of NATO's conventional capability in one area.
/// Either share may be unknown (null): "no public figure" is a state, never a zero.
/// </summary>
public class ShareAssessment : ISoftDeletable
{
    public long Id { get; set; }

    public int AreaId { get; set; }

    public CapabilityArea? Area { get; set; }

    /// <summary>The date the figure describes (end of period when the source gave only a period).</summary>
    public DateOnly AsOf { get; set; }

    public DatePrecision AsOfPrecision { get; set; } = DatePrecision.Day;

    public decimal? EuropeShare { get; set; }

    public decimal? UsShare { get; set; }

    /// <summary>Optional range around the Europe share (docs/methodology.md, "Ranges"); null: the share itself.</summary>
    public decimal? EuropeLow { get; set; }

    public decimal? EuropeHigh { get; set; }

    /// <summary>Optional range around the US share; null: the share itself.</summary>
    public decimal? UsLow { get; set; }

    public decimal? UsHigh { get; set; }

    public int SourceId { get; set; }

    public Source? Source { get; set; }

    public Confidence Confidence { get; set; }

    public string? Note { get; set; }

    public required string EnteredBy { get; set; }

    public DateTimeOffset EnteredAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}
