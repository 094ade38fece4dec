namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// A target measured against both ends of a series' range. The status is robust when the
/// pessimistic and the optimistic end agree on it; otherwise pages say "between {pessimistic}
/// and {optimistic}" next to the point status.
/// </summary>
public sealed record TargetRange(TargetDistance Pessimistic, TargetDistance Optimistic)
{
    public bool Robust => Pessimistic.Status == Optimistic.Status;
}
