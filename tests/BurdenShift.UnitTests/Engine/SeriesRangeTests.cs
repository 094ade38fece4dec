namespace BurdenShift.UnitTests.Engine;

/// <summary>
/// docs/methodology.md, "Ranges": each end of a range is a series of its own, computed by the
/// same rules as the point series; pessimistic is the end that is worse for the target's
/// direction; robust when both ends give the same status.
/// </summary>
public sealed class SeriesRangeTests
{
    // Europe share >= 50 by 2027-12-31; at-risk from 45 (50 minus 10% of |50 - 0|).
    private static readonly SeriesTarget Majority2027 = new(50m, D(2027, 12, 31));
    private static readonly DateOnly Mid2026 = D(2026, 6, 30);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static SeriesPoint P(DateOnly date, decimal value, decimal? low = null, decimal? high = null, long order = 0) =>
        new(date, value, order, Confidence.Medium, low, high);

    private static TargetRange? Share(DateOnly asOf, SeriesTarget target, params SeriesPoint[] points) =>
        SeriesRange.Take(points, asOf, SeriesKind.Share, IndicatorDirection.Up)?.DistanceTo(target);

    private static TargetDistance Point(DateOnly asOf, SeriesTarget target, IndicatorDirection direction, SeriesKind kind, params SeriesPoint[] points) =>
        SeriesSnapshot.Take(points, asOf, kind, direction).DistanceTo(target);

    [Fact]
    public void A_series_without_any_bound_has_no_range()
    {
        Assert.Null(Share(Mid2026, Majority2027, P(D(2025, 1, 1), 30m), P(D(2026, 1, 1), 40m)));
    }

    [Fact]
    public void A_series_with_no_row_on_or_before_the_date_has_no_range()
    {
        Assert.Null(Share(D(2024, 1, 1), Majority2027, P(D(2025, 1, 1), 30m, 20m, 40m)));
    }

    [Fact]
    public void Ends_that_disagree_are_not_robust_and_name_both_statuses()
    {
        // One point, no trend: projected = current. Point 48 is at-risk (45 <= 48 < 50); the low
        // end 44 is below 45, off-track; the high end 50 has reached the target, met.
        var range = Share(Mid2026, Majority2027, P(D(2026, 1, 1), 48m, 44m, 50m));

        Assert.NotNull(range);
        Assert.Equal(TargetStatus.OffTrack, range.Pessimistic.Status);
        Assert.Equal(TargetStatus.Met, range.Optimistic.Status);
        Assert.False(range.Robust);
        Assert.Equal(44m, range.Pessimistic.Current);
        Assert.Equal(50m, range.Optimistic.Current);
        Assert.Equal(6m, range.Pessimistic.Gap);
        Assert.Equal(0m, range.Optimistic.Gap);
    }

    [Fact]
    public void Ends_that_agree_are_robust()
    {
        var range = Share(Mid2026, Majority2027, P(D(2026, 1, 1), 48m, 46m, 49m));

        Assert.NotNull(range);
        Assert.Equal(TargetStatus.AtRisk, range.Pessimistic.Status);
        Assert.Equal(TargetStatus.AtRisk, range.Optimistic.Status);
        Assert.True(range.Robust);
    }

    [Fact]
    public void Missed_is_reached_by_an_end_as_by_the_point()
    {
        // After the deadline: the low end 35 has not reached 50 (missed), the high end 55 has (met).
        var range = Share(D(2028, 6, 30), Majority2027, P(D(2028, 1, 1), 40m, 35m, 55m));

        Assert.NotNull(range);
        Assert.Equal(TargetStatus.Missed, range.Pessimistic.Status);
        Assert.Equal(TargetStatus.Met, range.Optimistic.Status);
        Assert.False(range.Robust);
    }

    [Fact]
    public void Each_end_has_its_own_trend_projection_and_eta()
    {
        // Low end 28 -> 30 over 2025 (a slow climb: off-track); high end 32 -> 48 (fast: on-track).
        SeriesPoint[] points = [P(D(2025, 1, 1), 30m, 28m, 32m, 1), P(D(2026, 1, 1), 40m, 30m, 48m, 2)];
        var range = Share(Mid2026, Majority2027, points);

        Assert.NotNull(range);
        Assert.Equal(TargetStatus.OffTrack, range.Pessimistic.Status);
        Assert.Equal(TargetStatus.OnTrack, range.Optimistic.Status);
        Assert.Equal(TargetStatus.OnTrack, Point(Mid2026, Majority2027, IndicatorDirection.Up, SeriesKind.Share, points).Status);
        // Every figure of an end is what the point rules give on that end's values.
        Assert.Equal(
            Point(Mid2026, Majority2027, IndicatorDirection.Up, SeriesKind.Share, P(D(2025, 1, 1), 28m, order: 1), P(D(2026, 1, 1), 30m, order: 2)),
            range.Pessimistic);
        Assert.Equal(
            Point(Mid2026, Majority2027, IndicatorDirection.Up, SeriesKind.Share, P(D(2025, 1, 1), 32m, order: 1), P(D(2026, 1, 1), 48m, order: 2)),
            range.Optimistic);
        Assert.NotNull(range.Optimistic.Eta);
        Assert.NotNull(range.Pessimistic.Eta);
        Assert.True(range.Pessimistic.Eta > range.Optimistic.Eta);
        Assert.True(range.Pessimistic.YearsLate > 0m);
    }

    [Fact]
    public void At_risk_and_on_track_ends_from_a_trend()
    {
        // Low end 40 -> 42 over 2025: about 2 a year, projects to about 46 by the deadline (at-risk);
        // high end 40 -> 46: about 6 a year, projects to about 58 (on-track).
        var range = Share(Mid2026, Majority2027, P(D(2025, 1, 1), 40m, order: 1), P(D(2026, 1, 1), 44m, 42m, 46m, 2));

        Assert.NotNull(range);
        Assert.Equal(TargetStatus.AtRisk, range.Pessimistic.Status);
        Assert.Equal(TargetStatus.OnTrack, range.Optimistic.Status);
        Assert.False(range.Robust);
    }

    [Fact]
    public void A_range_on_only_some_rows_takes_the_point_value_as_the_missing_bounds()
    {
        // 2025: no range (both ends 30). 2026: only a low bound (high end = the value, 40).
        SeriesPoint[] points = [P(D(2025, 1, 1), 30m, order: 1), P(D(2026, 1, 1), 40m, low: 35m, order: 2)];
        var range = Share(Mid2026, Majority2027, points);

        Assert.NotNull(range);
        Assert.Equal(Point(Mid2026, Majority2027, IndicatorDirection.Up, SeriesKind.Share, points), range.Optimistic);
        Assert.Equal(
            Point(Mid2026, Majority2027, IndicatorDirection.Up, SeriesKind.Share, P(D(2025, 1, 1), 30m, order: 1), P(D(2026, 1, 1), 35m, order: 2)),
            range.Pessimistic);
    }

    [Fact]
    public void The_row_entered_last_on_a_date_gives_all_three_values()
    {
        // The ranged row of 2026-01-01 is superseded by a later entry without a range: nothing
        // that counts carries a range.
        Assert.Null(Share(Mid2026, Majority2027, P(D(2026, 1, 1), 40m, 30m, 50m, 1), P(D(2026, 1, 1), 42m, order: 2)));

        // And the other way round: the later entry's bounds count, the earlier one's value does not.
        var range = Share(Mid2026, Majority2027, P(D(2026, 1, 1), 40m, order: 1), P(D(2026, 1, 1), 42m, 41m, 47m, 2));
        Assert.NotNull(range);
        Assert.Equal(41m, range.Pessimistic.Current);
        Assert.Equal(47m, range.Optimistic.Current);
    }

    [Fact]
    public void A_range_on_a_row_that_enters_no_figure_gives_no_range()
    {
        // 2020 is before the trend window (2023-01-01 .. 2026-01-01) and a share's baseline is 0.
        Assert.Null(Share(Mid2026, Majority2027, P(D(2020, 1, 1), 10m, 5m, 15m, 1), P(D(2025, 1, 1), 30m, order: 2), P(D(2026, 1, 1), 40m, order: 3)));
    }

    [Fact]
    public void An_indicators_earliest_row_is_its_baseline_so_its_range_counts()
    {
        SeriesPoint[] points = [P(D(2020, 1, 1), 100m, 80m, 120m, 1), P(D(2025, 1, 1), 300m, order: 2), P(D(2026, 1, 1), 400m, order: 3)];
        var range = SeriesRange.Take(points, Mid2026, SeriesKind.Indicator, IndicatorDirection.Up);

        Assert.NotNull(range);
        Assert.Equal(80m, range.Low.Baseline);
        Assert.Equal(120m, range.High.Baseline);
    }

    [Fact]
    public void For_a_target_of_direction_down_the_high_end_is_pessimistic()
    {
        // Lower is better, at most 100 by the deadline: one point, 104 within [96, 112].
        // Baseline (earliest value) 104: at-risk band is 10% of |100 - 104|, so 100.4 and below is at-risk.
        var target = new SeriesTarget(100m, D(2027, 12, 31));
        var range = SeriesRange.Take([P(D(2026, 1, 1), 104m, 96m, 112m)], Mid2026, SeriesKind.Indicator, IndicatorDirection.Down)!
            .DistanceTo(target);

        Assert.Equal(112m, range.Pessimistic.Current);
        Assert.Equal(96m, range.Optimistic.Current);
        Assert.Equal(TargetStatus.Met, range.Optimistic.Status);
        Assert.Equal(TargetStatus.OffTrack, range.Pessimistic.Status);
        Assert.False(range.Robust);
    }

    [Fact]
    public void The_index_carries_the_weighted_means_of_the_areas_ends()
    {
        WeightedSeries[] areas =
        [
            new("isr", 1m, [P(D(2025, 1, 1), 20m, 10m, 30m, 1)]),
            new("drones", 3m, [P(D(2025, 6, 1), 40m, order: 2)]),
        ];
        var index = HandoverIndex.Build(areas, Mid2026);

        // 2025-01-01: isr alone, [10, 30]. 2025-06-01: low (10 + 3 * 40) / 4 = 32.5, high (30 + 120) / 4 = 37.5.
        Assert.Equal([10m, 32.5m], index.Points.Select(p => p.LowEnd));
        Assert.Equal([30m, 37.5m], index.Points.Select(p => p.HighEnd));
        Assert.Equal([20m, 35m], index.Points.Select(p => p.Value));

        var range = SeriesRange.Take(index.Points, Mid2026, SeriesKind.Share, IndicatorDirection.Up)!.DistanceTo(Majority2027);
        Assert.Equal(32.5m, range.Pessimistic.Current);
        Assert.Equal(37.5m, range.Optimistic.Current);
    }

    [Fact]
    public void An_index_of_areas_without_ranges_has_no_range()
    {
        WeightedSeries[] areas = [new("isr", 1m, [P(D(2025, 1, 1), 20m)]), new("drones", 1m, [P(D(2025, 6, 1), 40m)])];
        var index = HandoverIndex.Build(areas, Mid2026);

        Assert.All(index.Points, p => Assert.False(p.HasRange));
        Assert.Null(SeriesRange.Take(index.Points, Mid2026, SeriesKind.Share, IndicatorDirection.Up));
    }
}
