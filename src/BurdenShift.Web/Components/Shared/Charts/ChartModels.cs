namespace BurdenShift.Web.Components.Shared.Charts;

/// <summary>One dated value of a series.</summary>
public sealed record ChartPoint(DateOnly Date, decimal Value);

/// <summary>An observed series: a solid line with a marker on every point.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>A dashed line from the latest point to the value projected at a deadline.</summary>
public sealed record ChartProjection(string Label, ChartPoint From, ChartPoint To);

/// <summary>A horizontal reference line at <paramref name="Value"/> with a tick at its deadline.</summary>
public sealed record ChartTargetLine(string Label, decimal Value, DateOnly Deadline);
