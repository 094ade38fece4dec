namespace BurdenShift.Core.Dashboard;

/// <summary>
/// A target measured against both ends of its series' range (docs/methodology.md, "Ranges"):
/// null on a target whose series carries no range. Robust when both ends give the same status.
/// </summary>
public sealed record RangeResult(RangeEnd Pessimistic, RangeEnd Optimistic, bool Robust)
{
    public static RangeResult? Of(TargetRange? range) => range is null
        ? null
        : new RangeResult(RangeEnd.Of(range.Pessimistic), RangeEnd.Of(range.Optimistic), range.Robust);
}
