namespace BurdenShift.UnitTests.Engine;

/// <summary>docs/methodology.md, "Shares derived from counts", rule by rule; arithmetic in the comments.</summary>
public sealed class DerivedShareTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static SeriesPoint P(DateOnly date, decimal value, long order, Confidence confidence = Confidence.High) =>
        new(date, value, order, confidence);

    private static CountPair Pair(string label, decimal weight, SeriesPoint[] europe, SeriesPoint[] us) => new(label, weight, europe, us);

    [Fact]
    public void A_pair_gives_Europes_share_of_the_two_counts_dated_by_the_later_side_at_the_lower_confidence()
    {
        // Tankers: Europe 60 (2020), US 614 (2019): 100 x 60 / 674 = 8.9020771513...
        var tankers = Pair("Tankers", 1m, [P(D(2020, 12, 31), 60m, 2, Confidence.Medium)], [P(D(2019, 12, 31), 614m, 1, Confidence.High)]);

        var derived = DerivedShare.At([tankers], D(2026, 6, 30))!;

        Assert.Equal(8.902077151335m, derived.EuropeShare);
        Assert.Equal(91.097922848665m, derived.UsShare);
        Assert.Equal(D(2020, 12, 31), derived.Date);
        Assert.Equal(Confidence.Medium, derived.Confidence);
        Assert.Equal(60m, derived.Pairs[0].Europe!.Value.Value);
        Assert.Equal(614m, derived.Pairs[0].Us!.Value.Value);
    }

    [Fact]
    public void The_area_share_is_the_weighted_mean_of_the_defined_pairs_and_undefined_pairs_leave_their_weight_out()
    {
        // Satellites 53 vs 247 -> 17.666...%, weight 1; airlift 20 vs 80 -> 20%, weight 3;
        // a pair with only a European count is undefined and its weight 5 is left out.
        // (17.6666666666667 x 1 + 20 x 3) / 4 = 19.416666666667
        var satellites = Pair("Satellites", 1m, [P(D(2023, 12, 31), 53m, 1)], [P(D(2023, 12, 31), 247m, 2)]);
        var airlift = Pair("Airlift", 3m, [P(D(2024, 6, 30), 20m, 3, Confidence.Low)], [P(D(2024, 6, 30), 80m, 4)]);
        var partial = Pair("AEW", 5m, [P(D(2024, 6, 30), 10m, 5)], []);

        var derived = DerivedShare.At([satellites, airlift, partial], D(2026, 6, 30))!;

        Assert.Equal(19.416666666667m, derived.EuropeShare);
        Assert.Equal(D(2024, 6, 30), derived.Date);
        Assert.Equal(Confidence.Low, derived.Confidence);
        Assert.False(derived.Pairs[2].Defined);
        Assert.Null(derived.Pairs[2].Share);
    }

    [Fact]
    public void No_defined_pair_gives_no_figure_never_zero()
    {
        var zero = Pair("Nothing counted", 1m, [P(D(2024, 1, 1), 0m, 1)], [P(D(2024, 1, 1), 0m, 2)]);
        var oneSided = Pair("One side", 1m, [], [P(D(2024, 1, 1), 10m, 3)]);

        Assert.Null(DerivedShare.At([zero, oneSided], D(2026, 6, 30)));
        Assert.Null(DerivedShare.At([], D(2026, 6, 30)));
        Assert.Empty(DerivedShare.Series([zero, oneSided], D(2026, 6, 30)));
    }

    [Fact]
    public void Each_side_uses_its_current_observation_at_the_as_of_date_and_the_last_entry_of_a_date()
    {
        // Europe said 30 then, on the same date, corrected to 40 (entered later); a 2027 count is after D.
        var pair = Pair("Units", 1m,
            [P(D(2024, 6, 30), 40m, 9), P(D(2024, 6, 30), 30m, 3), P(D(2027, 1, 1), 90m, 10)],
            [P(D(2023, 6, 30), 60m, 1)]);

        var derived = DerivedShare.At([pair], D(2026, 6, 30))!;

        Assert.Equal(40m, derived.EuropeShare); // 100 x 40 / 100
    }

    [Fact]
    public void A_pair_missing_at_an_early_date_counts_only_from_when_both_sides_are_observed()
    {
        // Pair A defined from 2020 (25%); pair B from 2022 (75%): before 2022 the area is A alone.
        var a = Pair("A", 1m, [P(D(2020, 1, 1), 25m, 1)], [P(D(2020, 1, 1), 75m, 2)]);
        var b = Pair("B", 1m, [P(D(2021, 1, 1), 75m, 3)], [P(D(2022, 1, 1), 25m, 4)]);

        Assert.Equal(25m, DerivedShare.At([a, b], D(2021, 6, 30))!.EuropeShare);
        Assert.Equal(50m, DerivedShare.At([a, b], D(2022, 6, 30))!.EuropeShare);
    }

    [Fact]
    public void The_series_has_a_point_per_observation_date_each_the_share_derived_for_that_date()
    {
        var a = Pair("A", 1m, [P(D(2020, 1, 1), 25m, 1), P(D(2023, 1, 1), 50m, 5)], [P(D(2020, 1, 1), 75m, 2)]);
        var b = Pair("B", 1m, [P(D(2021, 1, 1), 75m, 3)], [P(D(2022, 1, 1), 25m, 4)]);

        var series = DerivedShare.Series([a, b], D(2024, 1, 1));

        // 2020: A 25; 2021: B not yet defined, A 25; 2022: (25 + 75) / 2; 2023: A 50 / 125 = 40, (40 + 75) / 2.
        Assert.Equal([D(2020, 1, 1), D(2021, 1, 1), D(2022, 1, 1), D(2023, 1, 1)], series.Select(p => p.Date));
        Assert.Equal([25m, 25m, 50m, 57.5m], series.Select(p => p.Value));
        foreach (var point in series)
        {
            Assert.Equal(DerivedShare.At([a, b], point.Date)!.EuropeShare, point.Value);
        }

        // The derived series feeds the usual rules: trend through 2021-2023 (window from 2020-01-01).
        var snapshot = SeriesSnapshot.Take(series, D(2024, 1, 1), SeriesKind.Share, IndicatorDirection.Up);
        Assert.Equal(57.5m, snapshot.Current!.Value.Value);
        Assert.NotNull(snapshot.TrendPerYear);
        Assert.True(snapshot.TrendPerYear > 0m);
    }

    [Fact]
    public void A_count_range_gives_the_pair_and_the_area_a_range_from_the_opposite_ends()
    {
        // Interceptors: Europe 400 (400-500), US 600 (no range): low 400 / 1000 = 40%,
        // high 500 / (500 + 600) = 45.454545454545%. Tankers have no range: 60 / 674 at both ends.
        // Area (weights 1 and 1): point (40 + 8.902077151335) / 2 = 24.451038575668,
        // low the same, high (45.454545454545 + 8.902077151335) / 2 = 27.17831130294.
        var interceptors = Pair("Interceptors", 1m,
            [new SeriesPoint(D(2024, 12, 31), 400m, 1, Confidence.Medium, null, 500m)], [P(D(2025, 12, 31), 600m, 2, Confidence.Low)]);
        var tankers = Pair("Tankers", 1m, [P(D(2019, 12, 31), 60m, 3)], [P(D(2019, 12, 31), 614m, 4)]);

        var derived = DerivedShare.At([interceptors, tankers], D(2026, 6, 30))!;

        Assert.Equal(40m, derived.Pairs[0].Share);
        Assert.Equal(40m, derived.Pairs[0].ShareLow);
        Assert.Equal(45.454545454545m, derived.Pairs[0].ShareHigh);
        Assert.Null(derived.Pairs[1].ShareLow);
        Assert.Equal(24.451038575668m, derived.EuropeShare);
        Assert.Equal(24.451038575668m, derived.EuropeLow);
        Assert.Equal(27.17831130294m, derived.EuropeHigh);
    }

    [Fact]
    public void Ranges_on_both_counts_set_each_end_against_the_other_sides_opposite_end()
    {
        // Europe 40 (30-50), US 60 (50-70): low 30 / (30 + 70) = 30%, high 50 / (50 + 50) = 50%.
        var pair = Pair("Units", 1m, [new SeriesPoint(D(2025, 1, 1), 40m, 1, Confidence.High, 30m, 50m)],
            [new SeriesPoint(D(2025, 1, 1), 60m, 2, Confidence.High, 50m, 70m)]);

        var derived = DerivedShare.At([pair], D(2026, 6, 30))!;

        Assert.Equal((40m, 30m, 50m), (derived.EuropeShare, derived.EuropeLow!.Value, derived.EuropeHigh!.Value));
    }

    [Fact]
    public void The_derived_series_carries_the_ends_so_its_range_figures_follow_the_ranges_rules()
    {
        // Two dates: Europe 400 (400-500) then 600 (600-700) against a US 600 without a range.
        var pair = Pair("Interceptors", 1m,
            [new SeriesPoint(D(2023, 12, 31), 400m, 1, Confidence.Medium, null, 500m), new SeriesPoint(D(2025, 12, 31), 600m, 3, Confidence.Medium, null, 700m)],
            [P(D(2023, 12, 31), 600m, 2)]);

        var series = DerivedShare.Series([pair], D(2026, 6, 30));

        Assert.Equal([40m, 50m], series.Select(p => p.Value));
        Assert.Equal([40m, 50m], series.Select(p => p.LowEnd));
        Assert.Equal([45.454545454545m, 53.846153846154m], series.Select(p => p.HighEnd));
        var range = SeriesRange.Take(series, D(2026, 6, 30), SeriesKind.Share, IndicatorDirection.Up);
        Assert.NotNull(range);
    }
}
