namespace BurdenShift.UnitTests.Engine;

public sealed class HandoverIndexTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly WeightedSeries[] Areas =
    [
        new("isr", 1m, [new(D(2024, 1, 1), 20m, 1), new(D(2025, 1, 1), 30m, 4)]),
        new("drones", 3m, [new(D(2024, 6, 1), 40m, 2, Confidence.Low)]),
        new("cyber", 1m, []),
    ];

    [Fact]
    public void Each_date_averages_what_every_area_last_said_weighted()
    {
        var index = HandoverIndex.Build(Areas, D(2026, 1, 1));

        // 2024-01-01: isr alone, 20. 2024-06-01: (20 * 1 + 40 * 3) / 4 = 35. 2025-01-01: (30 + 120) / 4 = 37.5.
        Assert.Equal([D(2024, 1, 1), D(2024, 6, 1), D(2025, 1, 1)], index.Points.Select(p => p.Date));
        Assert.Equal([20m, 35m, 37.5m], index.Points.Select(p => p.Value));
        Assert.Equal(Confidence.Low, index.Points[^1].Confidence);
    }

    [Fact]
    public void Areas_without_data_are_left_out_and_named()
    {
        var index = HandoverIndex.Build(Areas, D(2026, 1, 1));

        Assert.Equal(["isr", "drones"], index.Included);
        Assert.Equal(["cyber"], index.LeftOut);
    }

    [Fact]
    public void A_replayed_date_sees_only_what_was_known_then()
    {
        var index = HandoverIndex.Build(Areas, D(2024, 3, 1));

        Assert.Equal([20m], index.Points.Select(p => p.Value));
        Assert.Equal(["drones", "cyber"], index.LeftOut);
    }

    [Fact]
    public void The_index_is_measured_like_any_share_series()
    {
        var index = HandoverIndex.Build(Areas, D(2026, 1, 1));

        var distance = SeriesSnapshot.Take(index.Points, D(2026, 1, 1), SeriesKind.Share, IndicatorDirection.Up)
            .DistanceTo(new SeriesTarget(50m, D(2027, 12, 31)));

        Assert.Equal(37.5m, distance.Current);
        Assert.Equal(12.5m, distance.Gap);
    }
}
