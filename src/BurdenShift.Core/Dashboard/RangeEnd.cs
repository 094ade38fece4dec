namespace BurdenShift.Core.Dashboard;

/// <summary>One end of a range measured against a target: the figures the point series shows, for that end.</summary>
public sealed record RangeEnd(decimal? Current, decimal? TrendPerYear, decimal? Projected, DateOnly? Eta, decimal? YearsLate, TargetStatus Status)
{
    public static RangeEnd Of(TargetDistance d) => new(d.Current, d.TrendPerYear, d.Projected, d.Eta, d.YearsLate, d.Status);
}
