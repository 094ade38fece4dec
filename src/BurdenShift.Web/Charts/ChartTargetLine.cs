namespace BurdenShift.Web.Charts;

/// <summary>A horizontal reference line at <paramref name="Value"/> with a tick at its deadline; <paramref name="Name"/> reads "2027 target".</summary>
public sealed record ChartTargetLine(string Name, decimal Value, DateOnly Deadline);
