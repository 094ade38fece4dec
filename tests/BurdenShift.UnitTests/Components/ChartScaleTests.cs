namespace BurdenShift.UnitTests.Components;

// Expected values are worked out by hand, not recomputed with the formulas under test.
public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0, 280)] // the minimum sits on the bottom edge
    [InlineData(100, 20)] // the maximum on the top edge
    [InlineData(25, 215)] // a quarter of the 260 px height above the bottom: 280 - 65
    public void Values_map_from_the_bottom_edge_up_to_the_top_edge(decimal value, double expectedY)
    {
        Assert.Equal(expectedY, ChartScale.ValueToY(value, 0, 100, top: 20, bottom: 280), 6);
    }

    [Fact]
    public void A_value_range_that_does_not_start_at_zero_still_maps_its_ends_to_the_edges()
    {
        Assert.Equal(110, ChartScale.ValueToY(40, 40, 60, top: 10, bottom: 110), 6);
        Assert.Equal(10, ChartScale.ValueToY(60, 40, 60, top: 10, bottom: 110), 6);
        Assert.Equal(60, ChartScale.ValueToY(50, 40, 60, top: 10, bottom: 110), 6);
    }

    [Fact]
    public void Dates_map_by_day()
    {
        // 5 of 10 days in.
        Assert.Equal(50, ChartScale.DateToX(new(2025, 1, 6), new(2025, 1, 1), new(2025, 1, 11), 0, 100), 6);

        // 2024 is a leap year: 1 March is 31 + 29 = 60 days after 1 January, and the year is 366 px wide.
        Assert.Equal(110, ChartScale.DateToX(new(2024, 3, 1), new(2024, 1, 1), new(2025, 1, 1), 50, 416), 6);
    }

    [Fact]
    public void A_zero_width_range_puts_everything_in_the_middle_instead_of_dividing_by_zero()
    {
        Assert.Equal(150, ChartScale.ValueToY(7, 7, 7, top: 100, bottom: 200), 6);
        Assert.Equal(30, ChartScale.DateToX(new(2026, 1, 1), new(2026, 1, 1), new(2026, 1, 1), 20, 40), 6);
    }

    public static TheoryData<decimal, decimal, decimal[]> TickCases => new()
    {
        // 0..100 in steps of 10 needs 11 ticks, too many; 20 needs 6.
        { 0m, 100m, [0m, 20m, 40m, 60m, 80m, 100m] },
        // Steps of 10 need 10 ticks; 20 covers 0..100 with 6.
        { 0m, 90m, [0m, 20m, 40m, 60m, 80m, 100m] },
        // Steps of 10 from floor(0.3) * 10 = 0 to ceil(4.7) * 10 = 50: 6 ticks.
        { 3m, 47m, [0m, 10m, 20m, 30m, 40m, 50m] },
        // Steps of 1 give 11 ticks, of 2 give 44..56 (7); 2.5 gives 45..55 (5).
        { 45m, 55m, [45m, 47.5m, 50m, 52.5m, 55m] },
        // Steps of 0.1 give 8 ticks; 0.2 gives 0.2..1.0.
        { 0.2m, 0.9m, [0.2m, 0.4m, 0.6m, 0.8m, 1.0m] },
        // Shells a year: 100k steps give 18 ticks, 200k 10, 250k 8, 500k 5.
        { 300_000m, 2_000_000m, [0m, 500_000m, 1_000_000m, 1_500_000m, 2_000_000m] },
        // A flat series at 50 is padded by 10% to 45..55.
        { 50m, 50m, [45m, 47.5m, 50m, 52.5m, 55m] },
    };

    [Theory]
    [MemberData(nameof(TickCases))]
    public void Ticks_are_round_numbers_that_cover_the_range(decimal min, decimal max, decimal[] expected)
    {
        Assert.Equal(expected, ChartScale.NiceTicks(min, max));
    }

    [Fact]
    public void Long_ranges_get_year_ticks_thinned_to_even_years()
    {
        var (ticks, yearly) = ChartScale.DateTicks(new(2011, 3, 31), new(2030, 12, 31), maxTicks: 10);

        Assert.True(yearly);
        Assert.Equal([2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026, 2028, 2030], ticks.Select(d => d.Year));
        Assert.All(ticks, d => Assert.Equal((1, 1), (d.Month, d.Day)));
    }

    [Fact]
    public void Exactly_two_years_already_gets_year_ticks()
    {
        var (ticks, yearly) = ChartScale.DateTicks(new(2025, 1, 1), new(2027, 1, 1));

        Assert.True(yearly);
        Assert.Equal([new(2025, 1, 1), new(2026, 1, 1), new DateOnly(2027, 1, 1)], ticks);
    }

    [Fact]
    public void Ranges_under_two_years_get_month_ticks()
    {
        // February..December is 11 months, over the limit of 10, so every other month from January: Mar, May, ...
        var (ticks, yearly) = ChartScale.DateTicks(new(2026, 1, 15), new(2026, 12, 31), maxTicks: 10);

        Assert.False(yearly);
        Assert.Equal([3, 5, 7, 9, 11], ticks.Select(d => d.Month));
        Assert.All(ticks, d => Assert.Equal(1, d.Day));
    }

    [Theory]
    [InlineData("80", "80")]
    [InlineData("60.20", "60.2")]
    [InlineData("1.234", "1.23")]
    [InlineData("-0.001", "0")]
    [InlineData("2000000", "2000000")]
    public void Values_are_written_with_a_dot_and_at_most_two_decimals(string value, string expected)
    {
        Assert.Equal(expected, ChartScale.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(12.3456, "12.35")]
    [InlineData(-0.001, "0")]
    [InlineData(400, "400")]
    public void Svg_coordinates_are_written_with_a_dot(double value, string expected)
    {
        Assert.Equal(expected, ChartScale.Coord(value));
    }
}
