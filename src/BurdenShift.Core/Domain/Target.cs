namespace BurdenShift.Core.Domain;

/// <summary>
/// A value to reach by a deadline, on an area's Europe share or on an indicator (exactly one of
/// <see cref="AreaId"/> and <see cref="IndicatorId"/> is set).
/// </summary>
public class Target : SourcedRow
{
    public int Id { get; set; }

    public int? AreaId { get; set; }

    public CapabilityArea? Area { get; set; }

    public int? IndicatorId { get; set; }

    public Indicator? Indicator { get; set; }

    /// <summary>Short key such as <c>2027</c> or <c>2030</c>, unique per series.</summary>
    public required string Key { get; set; }

    public required string Label { get; set; }

    public DateOnly Deadline { get; set; }

    public decimal Value { get; set; }

    public required string Rationale { get; set; }
}
