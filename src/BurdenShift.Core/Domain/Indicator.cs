namespace BurdenShift.Core.Domain;

/// <summary>
/// A measured quantity that stands in for capability where no share is public, for one area or
/// (when <see cref="AreaId"/> is null) for the whole alliance.
/// </summary>
public class Indicator
{
    public int Id { get; set; }

    public required string Key { get; set; }

    public int? AreaId { get; set; }

    public CapabilityArea? Area { get; set; }

    public required string Name { get; set; }

    public required string Unit { get; set; }

    public IndicatorDirection Direction { get; set; } = IndicatorDirection.Up;

    public string? Description { get; set; }

    /// <summary>
    /// An alliance-wide statement the overview shows beside the handover index (the Secretary
    /// General's 44%): dated and sourced like any observation, but no area's share.
    /// </summary>
    public bool Headline { get; set; }

    public List<IndicatorObservation> Observations { get; set; } = [];

    public List<Target> Targets { get; set; } = [];
}
