using System.Runtime.CompilerServices;

namespace BurdenShift.Web.Charts;

/// <summary>
/// The points a sparkline draws of a series, thinned to its width once per series and shared by
/// every render and circuit that shows it (docs/decisions/0012): the series is part of a cached,
/// immutable overview, so the thinned copy lives exactly as long as that overview does. Without
/// this, each render of the overview copied and thinned every area's trend window again.
/// </summary>
public static class SparklinePoints
{
    private static readonly ConditionalWeakTable<IReadOnlyList<SeriesPoint>, IReadOnlyList<ChartPoint>> Thinned = new();

    /// <summary>The series (in date order, as the dashboard gives it) at most two points a pixel of <paramref name="width"/>.</summary>
    public static IReadOnlyList<ChartPoint> Of(IReadOnlyList<SeriesPoint> series, int width) =>
        Thinned.GetValue(series, s => Lttb.ForWidth([.. s.Select(p => new ChartPoint(p.Date, p.Value))], width));
}
