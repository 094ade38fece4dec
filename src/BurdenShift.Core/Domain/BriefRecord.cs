namespace BurdenShift.Core.Domain;

/// <summary>
/// One generated briefing pack (the brief log): who made it, when, with which parameters and at
/// which knowledge time, so that it can be made again with the same figures
/// (docs/methodology.md, "Knowledge time").
/// </summary>
public class BriefRecord
{
    public long Id { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    /// <summary>The signed-in user who asked for it; null for an anonymous reader.</summary>
    public string? GeneratedBy { get; set; }

    /// <summary><c>pptx</c> or <c>pdf</c>.</summary>
    public required string Format { get; set; }

    public DateOnly AsOf { get; set; }

    /// <summary>The moment whose published record the figures came from (the moment it was made, when none was asked for).</summary>
    public DateTimeOffset KnownAt { get; set; }

    /// <summary>The chosen areas, comma-separated in the pack's order; null: every area.</summary>
    public string? Areas { get; set; }

    /// <summary>The chosen targets, comma-separated.</summary>
    public required string Targets { get; set; }

    /// <summary>The scenario pace of the area slides (points a year); null: the fitted trends.</summary>
    public decimal? Pace { get; set; }
}
