namespace BurdenShift.Web.Charts;

/// <summary>A dashed line from the latest point to the value projected at a deadline.</summary>
public sealed record ChartProjection(string Label, ChartPoint From, ChartPoint To);
