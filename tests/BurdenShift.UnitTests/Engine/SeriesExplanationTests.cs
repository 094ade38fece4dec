using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BurdenShift.UnitTests.Engine;

/// <summary>The engine's account of a series, which the Methodology page prints instead of restating the rules.</summary>
public sealed class SeriesExplanationTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static SeriesPoint P(DateOnly date, decimal value, long order) => new(date, value, order);

    [Fact]
    public void It_names_the_entry_each_date_counts_the_trend_window_and_the_baseline()
    {
        SeriesPoint[] points =
        [
            P(D(2019, 12, 31), 100m, 1), // before the window: history and baseline
            P(D(2023, 6, 30), 200m, 2),
            P(D(2023, 6, 30), 210m, 5), // entered later on the same date: this one counts
            P(D(2025, 6, 30), 300m, 3),
            P(D(2026, 6, 30), 999m, 4), // after D: not used at all
        ];

        var explained = SeriesSnapshot.Explain(points, D(2025, 12, 31), SeriesKind.Indicator, IndicatorDirection.Up);

        Assert.Equal([1L, 5L, 3L], explained.PerDate.Select(p => p.EntryOrder));
        Assert.False(explained.Counts(2));
        Assert.False(explained.Counts(4));
        Assert.Equal(D(2022, 6, 30), explained.WindowStart);
        Assert.Equal([5L, 3L], explained.Window.Select(p => p.EntryOrder));
        Assert.True(explained.InTrendWindow(3));
        Assert.False(explained.InTrendWindow(1));
        Assert.Equal(1L, explained.Earliest!.Value.EntryOrder);
        Assert.Equal(SeriesSnapshot.Take(points, D(2025, 12, 31), SeriesKind.Indicator, IndicatorDirection.Up), explained.Snapshot);
    }

    [Fact]
    public void A_single_point_has_no_trend_window_to_fit()
    {
        var explained = SeriesSnapshot.Explain([P(D(2025, 6, 30), 40m, 1)], D(2025, 12, 31), SeriesKind.Share, IndicatorDirection.Up);

        Assert.Null(explained.Snapshot.TrendPerYear);
        Assert.False(explained.InTrendWindow(1));
    }

    [Theory]
    // up: 2,000,000 - 10% x |2,000,000 - 500,000| = 1,850,000
    [InlineData(IndicatorDirection.Up, 500_000, 2_000_000, 1_850_000)]
    // down: 1 + 10% x |1 - 3| = 1.2
    [InlineData(IndicatorDirection.Down, 3, 1, 1.2)]
    public void The_at_risk_threshold_moves_the_target_back_toward_the_baseline_by_the_band(
        IndicatorDirection direction, double baseline, double target, double threshold)
    {
        var snapshot = SeriesSnapshot.Take([P(D(2024, 6, 30), (decimal)baseline, 1)], D(2025, 12, 31), SeriesKind.Indicator, direction);

        Assert.Equal((decimal)threshold, snapshot.AtRiskThreshold((decimal)target));
    }

    [Fact]
    public void Shares_measure_the_band_from_zero()
    {
        var snapshot = SeriesSnapshot.Take([P(D(2024, 6, 30), 30m, 1)], D(2025, 12, 31), SeriesKind.Share, IndicatorDirection.Up);

        Assert.Equal(45m, snapshot.AtRiskThreshold(50m)); // 50 - 10% x |50 - 0|
    }

    // Points of a few dates (ties on most of them), each entered once, some after the as-of date.
    private static readonly Gen<SeriesPoint[]> Entries =
        from values in Gen.ListOf(Gen.Zip(Gen.Choose(0, 40), Gen.Choose(0, 1000)))
        from entryOrders in Gen.Shuffle(Enumerable.Range(1, values.Count).ToArray())
        select values.Select((v, i) => new SeriesPoint(D(2023, 1, 1).AddDays(v.Item1 * 45), v.Item2 / 10m, entryOrders[i],
            (Confidence)(entryOrders[i] % 3), v.Item2 % 4 == 0 ? v.Item2 / 10m - 1m : null)).ToArray();

    [Property(MaxTest = 300)]
    public Property The_points_read_the_same_in_any_order() =>
        // The loads hand over points in date and entry order, which the engine reads in one pass;
        // any other order must give the same explanation, point for point.
        Prop.ForAll(Entries.ToArbitrary(), points =>
        {
            var asOf = D(2026, 6, 30);
            var inOrder = SeriesSnapshot.Explain(points.OrderBy(p => p.Date).ThenBy(p => p.EntryOrder), asOf, SeriesKind.Indicator, IndicatorDirection.Up);
            var asGiven = SeriesSnapshot.Explain(points, asOf, SeriesKind.Indicator, IndicatorDirection.Up);
            return inOrder.Snapshot == asGiven.Snapshot
                && inOrder.PerDate.SequenceEqual(asGiven.PerDate)
                && inOrder.Window.SequenceEqual(asGiven.Window)
                && inOrder.WindowStart == asGiven.WindowStart
                && SeriesRange.Take(points, asOf, SeriesKind.Indicator, IndicatorDirection.Up)
                    == SeriesRange.Take(points.OrderBy(p => p.Date).ThenBy(p => p.EntryOrder), asOf, SeriesKind.Indicator, IndicatorDirection.Up);
        });
}
