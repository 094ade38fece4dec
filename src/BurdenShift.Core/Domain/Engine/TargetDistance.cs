namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// How far a series is from one target as of a date (docs/methodology.md, "Per series, per
/// target"). Every figure is null when the series has no observation on or before the date.
/// </summary>
public sealed record TargetDistance(
    decimal? Current,
    DateOnly? CurrentDate,
    decimal? TrendPerYear,
    decimal? Gap,
    decimal? RequiredPerYear,
    decimal? Projected,
    DateOnly? Eta,
    decimal? YearsLate,
    TargetStatus Status,
    Confidence? Confidence)
{
    public static TargetDistance NoData { get; } = new(null, null, null, null, null, null, null, null, TargetStatus.NoData, null);
}
