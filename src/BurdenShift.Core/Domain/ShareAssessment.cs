namespace BurdenShift.Core.Domain;

/// <summary>
/// A dated estimate of the European and US shares of NATO's conventional capability in one area.
/// Either share may be unknown (null): "no public figure" is a state, never a zero.
/// </summary>
public class ShareAssessment : SourcedFigure
{
    public int AreaId { get; set; }

    public CapabilityArea? Area { get; set; }

    public decimal? EuropeShare { get; set; }

    public decimal? UsShare { get; set; }

    /// <summary>Optional range around the Europe share (docs/methodology.md, "Ranges"); null: the share itself.</summary>
    public decimal? EuropeLow { get; set; }

    public decimal? EuropeHigh { get; set; }

    /// <summary>Optional range around the US share; null: the share itself.</summary>
    public decimal? UsLow { get; set; }

    public decimal? UsHigh { get; set; }
}
