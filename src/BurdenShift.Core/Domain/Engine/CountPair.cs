namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// Two counts of one unit, Europe's and the United States', from which an area's shares are
/// derived (docs/methodology.md, "Shares derived from counts"). The points are each
/// indicator's observations; the weight (> 0) is the pair's weight in the area's mean.
/// </summary>
public sealed record CountPair(string Label, decimal Weight, IReadOnlyList<SeriesPoint> Europe, IReadOnlyList<SeriesPoint> Us);
