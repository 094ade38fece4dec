namespace BurdenShift.Core.Dashboard;

/// <summary>A chart line of a series' whole history, in date order, at most a few thousand points.</summary>
public sealed record HistoryLine(string Name, IReadOnlyList<DatedValue> Points);
