namespace BurdenShift.UnitTests.Engine;

/// <summary>
/// docs/methodology.md rule by rule. Expected values are worked out by hand in the comments:
/// a year is 365.25 days; dates are chosen so the arithmetic stays readable.
/// </summary>
public sealed class SeriesSnapshotTests
{
    private static readonly SeriesTarget Majority2027 = new(50m, D(2027, 12, 31));

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static SeriesPoint P(DateOnly date, decimal value, long order = 0, Confidence confidence = Confidence.High) =>
        new(date, value, order, confidence);

    private static TargetDistance Share(DateOnly asOf, SeriesTarget target, params SeriesPoint[] points) =>
        SeriesSnapshot.Take(points, asOf, SeriesKind.Share, IndicatorDirection.Up).DistanceTo(target);

    private static void Near(decimal expected, decimal? actual, int digits = 9)
    {
        Assert.NotNull(actual);
        Assert.Equal((double)expected, (double)actual!.Value, digits);
    }

    [Fact]
    public void No_observation_gives_no_data_and_no_figure()
    {
        var result = Share(D(2026, 6, 30), Majority2027);

        Assert.Equal(TargetStatus.NoData, result.Status);
        Assert.Null(result.Current);
        Assert.Null(result.Gap);
        Assert.Null(result.RequiredPerYear);
        Assert.Null(result.Projected);
        Assert.Null(result.Eta);
        Assert.Null(result.Confidence);
    }

    [Fact]
    public void Observations_after_the_as_of_date_are_ignored()
    {
        var result = Share(D(2025, 6, 30), Majority2027, P(D(2026, 1, 1), 45m));

        Assert.Equal(TargetStatus.NoData, result.Status);
    }

    [Fact]
    public void One_point_has_no_trend_and_projects_its_own_value()
    {
        // D = 2026-06-30 to T = 2027-12-31 is 365 + 184 = 549 days; gap 50 - 40 = 10.
        var result = Share(D(2026, 6, 30), Majority2027, P(D(2025, 12, 31), 40m, confidence: Confidence.Medium));

        Assert.Equal(40m, result.Current);
        Assert.Equal(D(2025, 12, 31), result.CurrentDate);
        Assert.Null(result.TrendPerYear);
        Assert.Equal(10m, result.Gap);
        Near(10m * 365.25m / 549m, result.RequiredPerYear);
        Assert.Equal(40m, result.Projected);
        Assert.Null(result.Eta);
        Assert.Null(result.YearsLate);
        // 40 < 50 - 10% of |50 - 0| = 45
        Assert.Equal(TargetStatus.OffTrack, result.Status);
        Assert.Equal(Confidence.Medium, result.Confidence);
    }

    [Fact]
    public void Two_points_on_one_date_count_once_and_the_later_entry_wins()
    {
        // Listed out of entry order on purpose: entry order, not list order, decides.
        var result = Share(D(2026, 6, 30), Majority2027,
            P(D(2026, 1, 1), 42m, order: 7),
            P(D(2026, 1, 1), 30m, order: 3));

        Assert.Equal(42m, result.Current);
        Assert.Null(result.TrendPerYear);
    }

    [Fact]
    public void The_trend_window_starts_three_calendar_years_before_the_current_date()
    {
        // c = 2026-01-01, window from 2023-01-01 inclusive: the 2022-12-31 point is outside.
        // 2023-01-01 to 2026-01-01 is 365 + 366 + 365 = 1096 days; slope = 30 / (1096 / 365.25).
        var result = Share(D(2026, 6, 30), Majority2027,
            P(D(2022, 12, 31), 0m),
            P(D(2023, 1, 1), 10m),
            P(D(2026, 1, 1), 40m));

        Near(30m * 365.25m / 1096m, result.TrendPerYear);
    }

    [Fact]
    public void On_29_February_the_window_starts_on_28_February()
    {
        // c = 2024-02-29: the window starts 2021-02-28 (kept), 2021-02-27 is outside.
        // 2021-02-28 to 2024-02-29 is 365 + 365 + 366 = 1096 days.
        var result = Share(D(2024, 6, 30), Majority2027,
            P(D(2021, 2, 27), 90m),
            P(D(2021, 2, 28), 20m),
            P(D(2024, 2, 29), 29m));

        Near(9m * 365.25m / 1096m, result.TrendPerYear);
    }

    [Fact]
    public void With_three_evenly_spaced_points_the_slope_is_first_to_last()
    {
        // x = -730, -365, 0 days: least squares through evenly spaced points = (y3 - y1) / (x3 - x1),
        // whatever the middle value; here 12 / (730 / 365.25).
        var result = Share(D(2026, 1, 1), Majority2027,
            P(D(2024, 1, 2), 20m),
            P(D(2025, 1, 1), 31m),
            P(D(2026, 1, 1), 32m));

        Near(12m * 365.25m / 730m, result.TrendPerYear);
    }

    [Fact]
    public void A_trend_short_of_the_target_is_at_risk_with_an_eta_after_the_deadline()
    {
        // 35 -> 40 over 365 days: trend = 5 * 365.25 / 365 a year.
        // Projected at 2027-12-31 (729 days after c): 40 + 5 * 729 / 365 = 49.986..., short of 50 but above 45.
        // ETA: 10 / trend years = 730 days after 2026-01-01 = 2028-01-01; years late 1 / 365.25 = 0.0.
        var result = Share(D(2026, 6, 30), Majority2027,
            P(D(2025, 1, 1), 35m),
            P(D(2026, 1, 1), 40m));

        Near(5m * 365.25m / 365m, result.TrendPerYear);
        Near(40m + (5m * 729m / 365m), result.Projected);
        Assert.Equal(D(2028, 1, 1), result.Eta);
        Assert.Equal(0.0m, result.YearsLate);
        Assert.Equal(TargetStatus.AtRisk, result.Status);
    }

    [Fact]
    public void A_steep_enough_trend_is_on_track_and_early()
    {
        // 30 -> 40 over 365 days: reaches 50 after 365 more days, 2027-01-01, 364 days before the deadline.
        var result = Share(D(2026, 6, 30), Majority2027,
            P(D(2025, 1, 1), 30m),
            P(D(2026, 1, 1), 40m));

        Assert.Equal(D(2027, 1, 1), result.Eta);
        Assert.Equal(-1.0m, result.YearsLate); // -364 / 365.25 = -0.997
        Assert.Equal(TargetStatus.OnTrack, result.Status);
    }

    [Fact]
    public void Years_late_is_rounded_to_one_decimal()
    {
        // Deadline 2027-01-01, ETA 2028-01-01: 365 / 365.25 = 0.9993 years late -> 1.0.
        var result = Share(D(2026, 6, 30), new SeriesTarget(50m, D(2027, 1, 1)),
            P(D(2025, 1, 1), 35m),
            P(D(2026, 1, 1), 40m));

        Assert.Equal(1.0m, result.YearsLate);
    }

    [Fact]
    public void A_trend_away_from_the_target_has_no_eta_and_is_off_track()
    {
        var result = Share(D(2026, 6, 30), Majority2027,
            P(D(2025, 1, 1), 40m),
            P(D(2026, 1, 1), 35m));

        Assert.True(result.TrendPerYear < 0);
        Assert.Null(result.Eta);
        Assert.Null(result.YearsLate);
        Assert.Equal(TargetStatus.OffTrack, result.Status);
    }

    [Fact]
    public void A_flat_trend_has_no_eta()
    {
        var result = Share(D(2026, 6, 30), Majority2027, P(D(2025, 1, 1), 40m), P(D(2026, 1, 1), 40m));

        Assert.Equal(0m, result.TrendPerYear);
        Assert.Null(result.Eta);
    }

    [Fact]
    public void A_passed_deadline_not_reached_is_missed_and_needs_no_pace()
    {
        var result = Share(D(2028, 1, 1), Majority2027, P(D(2025, 1, 1), 30m), P(D(2026, 1, 1), 40m));

        Assert.Equal(TargetStatus.Missed, result.Status);
        Assert.Null(result.RequiredPerYear);
        Assert.Equal(10m, result.Gap);
    }

    [Fact]
    public void On_the_deadline_itself_no_pace_is_computed_but_the_target_is_not_yet_missed()
    {
        // yearsLeft = 0: required is null; D is not after T, so the projection decides.
        var result = Share(D(2027, 12, 31), Majority2027, P(D(2026, 1, 1), 30m), P(D(2027, 1, 1), 40m));

        Assert.Null(result.RequiredPerYear);
        Assert.NotEqual(TargetStatus.Missed, result.Status);
    }

    [Fact]
    public void A_target_already_met_has_no_gap_no_eta_and_stays_met_after_the_deadline()
    {
        var before = Share(D(2026, 6, 30), Majority2027, P(D(2025, 1, 1), 60m), P(D(2026, 1, 1), 55m));
        var after = Share(D(2029, 1, 1), Majority2027, P(D(2025, 1, 1), 60m), P(D(2026, 1, 1), 55m));

        Assert.Equal(TargetStatus.Met, before.Status);
        Assert.Equal(0m, before.Gap);
        Assert.Equal(0m, before.RequiredPerYear);
        Assert.Null(before.Eta);
        Assert.Null(before.YearsLate);
        Assert.Equal(TargetStatus.Met, after.Status);
    }

    [Fact]
    public void A_down_indicator_counts_gap_and_pace_downwards()
    {
        // US share of spending 64 -> 60 over 2 years (730 days): trend -4 / (730 / 365.25) = -2.0014 a year.
        // Target 50 by 2030-12-31, D = 2026-01-01: gap 10, years left 1826 / 365.25, required = -10 / that.
        // ETA: (50 - 60) / trend = 5 * 730 / 730.5 years after 2026-01-01 = 1825 days (rounded) = 2030-12-31.
        var snapshot = SeriesSnapshot.Take(
            [P(D(2024, 1, 2), 64m), P(D(2026, 1, 1), 60m)],
            D(2026, 1, 1), SeriesKind.Indicator, IndicatorDirection.Down);
        var result = snapshot.DistanceTo(new SeriesTarget(50m, D(2030, 12, 31)));

        Near(-4m * 365.25m / 730m, result.TrendPerYear);
        Assert.Equal(10m, result.Gap);
        Near(-10m * 365.25m / 1825m, result.RequiredPerYear);
        Assert.Equal(D(2030, 12, 31), result.Eta);
        Assert.Equal(0.0m, result.YearsLate);
        Assert.Equal(TargetStatus.OnTrack, result.Status);
    }

    [Fact]
    public void A_down_indicator_below_its_target_is_met()
    {
        var snapshot = SeriesSnapshot.Take([P(D(2026, 1, 1), 45m)], D(2026, 6, 1), SeriesKind.Indicator, IndicatorDirection.Down);

        var result = snapshot.DistanceTo(new SeriesTarget(50m, D(2030, 12, 31)));

        Assert.Equal(TargetStatus.Met, result.Status);
        Assert.Equal(0m, result.Gap);
    }

    [Fact]
    public void Projected_shares_are_clamped_to_100()
    {
        // +60 a year from 70: unclamped projection would be far above 100.
        var result = Share(D(2026, 1, 1), new SeriesTarget(90m, D(2030, 12, 31)),
            P(D(2025, 1, 1), 10m), P(D(2026, 1, 1), 70m));

        Assert.Equal(100m, result.Projected);
    }

    [Fact]
    public void Projected_indicators_are_clamped_at_zero_but_not_at_100()
    {
        var falling = SeriesSnapshot.Take([P(D(2025, 1, 1), 300m), P(D(2026, 1, 1), 100m)], D(2026, 1, 1), SeriesKind.Indicator, IndicatorDirection.Up);
        var rising = SeriesSnapshot.Take([P(D(2025, 1, 1), 300m), P(D(2026, 1, 1), 500m)], D(2026, 1, 1), SeriesKind.Indicator, IndicatorDirection.Up);

        Assert.Equal(0m, falling.DistanceTo(new SeriesTarget(1000m, D(2030, 12, 31))).Projected);
        Assert.True(rising.DistanceTo(new SeriesTarget(1000m, D(2030, 12, 31))).Projected > 100m);
    }

    [Fact]
    public void An_indicator_is_at_risk_within_ten_percent_of_its_own_climb()
    {
        // Baseline = earliest observation, 100; target 200: at risk from 200 - 10 = 190.
        // 100 -> 190 (one year, 365 days) then a point at c: projection set by each case's last value.
        static TargetStatus StatusWithProjection(decimal last)
        {
            // Two points, 2026-01-01 and 2027-12-31 (the deadline): projected = last value exactly.
            var snapshot = SeriesSnapshot.Take(
                [P(D(2026, 1, 1), 100m), P(D(2027, 12, 31), last)],
                D(2027, 12, 31), SeriesKind.Indicator, IndicatorDirection.Up);
            return snapshot.DistanceTo(new SeriesTarget(200m, D(2027, 12, 31))).Status;
        }

        Assert.Equal(TargetStatus.AtRisk, StatusWithProjection(191m));
        Assert.Equal(TargetStatus.AtRisk, StatusWithProjection(190m));
        Assert.Equal(TargetStatus.OffTrack, StatusWithProjection(189m));
        Assert.Equal(TargetStatus.Met, StatusWithProjection(200m));
    }

    [Fact]
    public void The_confidence_is_the_lowest_of_the_points_behind_the_figures()
    {
        var withTrend = Share(D(2026, 6, 30), Majority2027,
            P(D(2025, 1, 1), 35m, confidence: Confidence.Low),
            P(D(2026, 1, 1), 40m, confidence: Confidence.High));
        var outsideWindow = Share(D(2026, 6, 30), Majority2027,
            P(D(2020, 1, 1), 35m, confidence: Confidence.Low),
            P(D(2026, 1, 1), 40m, confidence: Confidence.High));

        Assert.Equal(Confidence.Low, withTrend.Confidence);
        Assert.Equal(Confidence.High, outsideWindow.Confidence);
    }
}
