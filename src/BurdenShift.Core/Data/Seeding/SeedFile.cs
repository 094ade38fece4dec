namespace BurdenShift.Core.Data.Seeding;

// The shape of the dataset files in this folder (public-record.json). Dates are partial
// strings as the sources gave them ("2024", "2024-05", "2026-H1"); see PartialDate.

internal sealed record SeedFile(
    string Dataset,
    List<SeedSource> Sources,
    List<SeedArea> Areas,
    List<SeedShare> ShareAssessments,
    List<SeedIndicator> Indicators,
    List<SeedMilestone> Milestones,
    List<SeedCountPair>? CountPairs = null,
    List<SeedAreaBasis>? AreaBases = null);

internal sealed record SeedSource(string Key, string Publisher, string Title, string? Published, string? Url, string Confidence, string? Note);

internal sealed record SeedArea(string Key, string Name, string Description, string? ShareBasis);

internal sealed record SeedShare(string Area, string AsOf, decimal? EuropeShare, decimal? UsShare, string Source, string Confidence, string? Note);

internal sealed record SeedIndicator(
    string Key,
    string? Area,
    string Name,
    string Unit,
    string Direction,
    string? Description,
    List<SeedObservation> Observations,
    List<SeedTarget>? Targets,
    bool Headline = false);

// Low and high: the range the source gives around the value, when it gives one (docs/methodology.md, "Ranges").
internal sealed record SeedObservation(string AsOf, decimal Value, string Source, string Confidence, string? Note, decimal? Low = null, decimal? High = null);

internal sealed record SeedTarget(string Key, string Label, string Deadline, decimal Value, string Rationale, string Source);

internal sealed record SeedMilestone(string? Area, string Title, string Due, string Status, string? Completed, string Source, string? Note);

internal sealed record SeedCountPair(string Area, string Label, decimal Weight, string Europe, string Us, string? Note);

internal sealed record SeedAreaBasis(string Area, string Basis, string? Note);

/// <summary>The counts file (public-record-counts.json): what it adds to the public record.</summary>
internal sealed record SeedCounts(
    List<SeedSource> Sources, List<SeedIndicator> Indicators, List<SeedCountPair> CountPairs, List<SeedAreaBasis> AreaBases);
