namespace BurdenShift.Core.Dashboard;

/// <summary>
/// One point of a chart line, with the range around it where its source gave one (docs/methodology.md,
/// "Ranges"; a missing bound is the value).
/// </summary>
public sealed record DatedValue(DateOnly Date, decimal Value, decimal? Low = null, decimal? High = null);
