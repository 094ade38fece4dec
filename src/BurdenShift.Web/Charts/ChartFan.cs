namespace BurdenShift.Web.Charts;

/// <summary>
/// The projections from the pessimistic and the optimistic end of a range (docs/methodology.md,
/// "Ranges"): each from its end's current value to its projected value at the deadline.
/// </summary>
public sealed record ChartFan(ChartPoint PessimisticFrom, ChartPoint PessimisticTo, ChartPoint OptimisticFrom, ChartPoint OptimisticTo)
{
    public IEnumerable<ChartPoint> Corners => [PessimisticFrom, PessimisticTo, OptimisticTo, OptimisticFrom];
}
