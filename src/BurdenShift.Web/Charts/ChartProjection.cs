namespace BurdenShift.Web.Charts;

/// <summary>
/// A dashed line from the latest point to the value projected at a deadline; with <paramref name="Fan"/>,
/// the projections from the two ends of the series' range drawn as a shaded fan around it.
/// </summary>
public sealed record ChartProjection(string Label, ChartPoint From, ChartPoint To, ChartFan? Fan = null);
