namespace BurdenShift.Core.Domain;

/// <summary>
/// Two indicators of one unit, one counting Europe and one the United States (tanker aircraft,
/// military satellites), from which an area's shares can be derived: the pair's Europe share is
/// E / (E + U). The weight (> 0) is the pair's weight in the area's mean.
/// </summary>
public class AreaCountPair : ISoftDeletable
{
    public int Id { get; set; }

    public int AreaId { get; set; }

    public CapabilityArea? Area { get; set; }

    /// <summary>What is counted, e.g. "Tanker aircraft"; unique within the area.</summary>
    public required string Label { get; set; }

    public decimal Weight { get; set; } = 1m;

    public int EuropeIndicatorId { get; set; }

    public Indicator? EuropeIndicator { get; set; }

    public int UsIndicatorId { get; set; }

    public Indicator? UsIndicator { get; set; }

    /// <summary>The caveats a reader must know (global vs in-Europe fleets, partial counts, dates apart).</summary>
    public string? Note { get; set; }

    public int DisplayOrder { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}
