namespace BurdenShift.Web.Charts;

/// <summary>One dated value of a series.</summary>
public sealed record ChartPoint(DateOnly Date, decimal Value);
