namespace BurdenShift.Core.Dashboard;

/// <summary>One point of a chart line.</summary>
public sealed record DatedValue(DateOnly Date, decimal Value);
