using BurdenShift.Web.Components.Shared.Charts;

namespace BurdenShift.UnitTests.Components;

/// <summary>Charts draw at most two points per pixel, and the downsampling keeps what a reader looks for.</summary>
public sealed class LttbTests
{
    private static readonly DateOnly Start = new(1900, 1, 1);

    [Fact]
    public void A_short_series_is_drawn_whole()
    {
        var points = Daily(50, i => i);
        Assert.Same(points, Lttb.ForWidth(points, 100));
    }

    [Fact]
    public void A_long_series_keeps_two_points_per_pixel_its_ends_and_its_peaks()
    {
        // A flat line at 40 with one spike to 95 and one dip to 3 deep inside 100,000 days.
        var points = Daily(100_000, i => i == 61_234 ? 95m : i == 12_345 ? 3m : 40m);

        var drawn = Lttb.ForWidth(points, 800);

        Assert.Equal(1_600, drawn.Count);
        Assert.Equal(points[0], drawn[0]);
        Assert.Equal(points[^1], drawn[^1]);
        Assert.Contains(points[61_234], drawn);
        Assert.Contains(points[12_345], drawn);
        Assert.Equal(drawn.OrderBy(p => p.Date), drawn);
    }

    private static List<ChartPoint> Daily(int count, Func<int, decimal> value) =>
        [.. Enumerable.Range(0, count).Select(i => new ChartPoint(Start.AddDays(i), value(i)))];
}
