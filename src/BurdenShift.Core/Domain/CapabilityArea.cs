namespace BurdenShift.Core.Domain;

/// <summary>A capability area such as ISR or air defence, keyed by a stable slug.</summary>
public class CapabilityArea : ISoftDeletable
{
    public int Id { get; set; }

    /// <summary>Stable slug used in URLs, the API and imports, e.g. <c>air-defence</c>.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>What the published share figures of this area actually measure (often a proxy).</summary>
    public string? ShareBasis { get; set; }

    /// <summary>Whether the engine takes this area's shares from its assessments or derives them from its count pairs.</summary>
    public ShareBasisKind Basis { get; set; } = ShareBasisKind.Assessed;

    /// <summary>Weight in the overall handover index (default 1).</summary>
    public decimal Weight { get; set; } = 1m;

    public int DisplayOrder { get; set; }

    public List<ShareAssessment> Assessments { get; set; } = [];

    public List<Indicator> Indicators { get; set; } = [];

    public List<Target> Targets { get; set; } = [];

    public List<Milestone> Milestones { get; set; } = [];

    public List<AreaCountPair> CountPairs { get; set; } = [];

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}
