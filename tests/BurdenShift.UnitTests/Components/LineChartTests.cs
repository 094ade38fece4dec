using BurdenShift.Web.Components.Shared.Charts;

namespace BurdenShift.UnitTests.Components;

public sealed class LineChartTests
{
    private static readonly ChartSeries Europe = new("Europe share",
    [
        new(new DateOnly(2024, 6, 30), 45.5m),
        new(new DateOnly(2011, 3, 31), 20m),
        new(new DateOnly(2019, 12, 31), 32.25m),
    ]);

    private static readonly ChartSeries Us = new("US share", Style: ChartStyle.Us, Points:
    [
        new(new DateOnly(2011, 3, 31), 80m),
        new(new DateOnly(2024, 6, 30), 55m),
    ]);

    private static readonly ChartProjection Trend = new("Europe share trend",
        new ChartPoint(new DateOnly(2024, 6, 30), 45.5m), new ChartPoint(new DateOnly(2027, 12, 31), 51.3m));

    private static readonly ChartTargetLine[] Targets =
    [
        new("2027 target", 50m, new DateOnly(2027, 12, 31)),
        new("2030 target", 90m, new DateOnly(2030, 12, 31)),
    ];

    private static IRenderedComponent<LineChart> RenderFull(BunitContext ctx) =>
        Render(ctx, Model("ISR: European and US shares", "%", [Europe, Us], [Trend], Targets));

    private static ChartModel Model(string title, string unit = "", IReadOnlyList<ChartSeries>? series = null,
        IReadOnlyList<ChartProjection>? projections = null, IReadOnlyList<ChartTargetLine>? targets = null, string empty = "No data to chart") =>
        new(title, "", unit, series ?? [], projections ?? [], targets ?? [], [], [], Confidence.Low, new DateOnly(2026, 6, 30), false, empty);

    private static IRenderedComponent<LineChart> Render(BunitContext ctx, ChartModel chart) =>
        ctx.Render<LineChart>(p => p.Add(c => c.Chart, chart));

    [Fact]
    public void The_title_names_the_svg_for_screen_readers()
    {
        using var ctx = new BunitContext();

        var cut = RenderFull(ctx);

        var svg = cut.Find("[data-testid=line-chart] svg");
        var title = cut.Find("svg > title");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("ISR: European and US shares", title.TextContent);
        Assert.Equal(title.Id, svg.GetAttribute("aria-labelledby"));
        Assert.Equal("0 0 800 320", svg.GetAttribute("viewBox"));
    }

    [Fact]
    public void The_description_gives_each_series_first_and_last_value_with_dates()
    {
        using var ctx = new BunitContext();

        var desc = RenderFull(ctx).Find("svg > desc").TextContent;

        Assert.Contains("Europe share: from 20% on 2011-03-31 to 45.5% on 2024-06-30.", desc, StringComparison.Ordinal);
        Assert.Contains("US share: from 80% on 2011-03-31 to 55% on 2024-06-30.", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void A_projection_is_a_dashed_line_and_the_legend_says_so()
    {
        using var ctx = new BunitContext();

        var cut = RenderFull(ctx);

        var projection = cut.Find("[data-testid=chart-projection-0]");
        Assert.False(string.IsNullOrWhiteSpace(projection.GetAttribute("stroke-dasharray")));
        Assert.Null(cut.Find("[data-testid=chart-series-0] .chart-line").GetAttribute("stroke-dasharray"));
        Assert.Contains("Europe share trend (dashed: projection)", cut.Find(".chart-legend").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_target_line_is_drawn_labelled_and_listed_in_the_legend()
    {
        using var ctx = new BunitContext();

        var cut = RenderFull(ctx);

        var legend = cut.Find(".chart-legend").TextContent;
        Assert.Contains("2027 target: 50% by 2027-12-31", legend, StringComparison.Ordinal);
        Assert.Contains("2030 target: 90% by 2030-12-31", legend, StringComparison.Ordinal);
        Assert.Contains("2027 target: 50%", cut.Find("[data-testid=chart-target-0] text").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=chart-target-1] .chart-deadline"));
    }

    [Fact]
    public void The_data_table_lists_every_point_projection_and_target()
    {
        using var ctx = new BunitContext();

        var cut = RenderFull(ctx);

        var details = cut.Find("details");
        Assert.False(details.HasAttribute("open"));
        Assert.Equal("Data table", cut.Find("details > summary").TextContent);
        Assert.Equal("ISR: European and US shares", cut.Find("table > caption").TextContent);
        Assert.Equal(["Series", "Date", "Value (%)"], cut.FindAll("thead th[scope=col]").Select(th => th.TextContent));
        var rows = cut.FindAll("tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent)))
            .ToList();
        Assert.Equal(
        [
            "Europe share | 2011-03-31 | 20",
            "Europe share | 2019-12-31 | 32.25",
            "Europe share | 2024-06-30 | 45.5",
            "US share | 2011-03-31 | 80",
            "US share | 2024-06-30 | 55",
            "Europe share trend (projected) | 2027-12-31 | 51.3",
            "2027 target (target) | 2027-12-31 | 50",
            "2030 target (target) | 2030-12-31 | 90",
        ], rows);
    }

    [Fact]
    public void A_single_point_is_drawn_as_a_marker_without_a_line()
    {
        using var ctx = new BunitContext();

        var cut = Render(ctx, Model("One figure", series: [new ChartSeries("ISR", [new(new DateOnly(2011, 3, 31), 80m)])]));

        Assert.Single(cut.FindAll("[data-testid=chart-series-0] .chart-marker"));
        Assert.Empty(cut.FindAll("[data-testid=chart-series-0] .chart-line"));
        Assert.Contains("ISR: 80 on 2011-03-31.", cut.Find("svg > desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_series_has_its_own_colour_and_marker_shape()
    {
        using var ctx = new BunitContext();

        var cut = RenderFull(ctx);

        var europe = cut.Find("[data-testid=chart-series-0] .chart-marker");
        var us = cut.Find("[data-testid=chart-series-1] .chart-marker");
        Assert.NotEqual(europe.GetAttribute("fill"), us.GetAttribute("fill"));

        // The shape is the path's commands with the coordinates taken out.
        static string Shape(string? d) => new(d!.Where(char.IsLetter).ToArray());
        Assert.NotEqual(Shape(europe.GetAttribute("d")), Shape(us.GetAttribute("d")));
    }

    [Fact]
    public void A_percentage_axis_runs_from_0_to_100_in_round_steps()
    {
        using var ctx = new BunitContext();

        var cut = RenderFull(ctx);

        Assert.Equal(["0%", "20%", "40%", "60%", "80%", "100%"], cut.FindAll(".chart-y-tick text").Select(t => t.TextContent));
        Assert.Equal(["2012", "2014", "2016", "2018", "2020", "2022", "2024", "2026", "2028", "2030"],
            cut.FindAll(".chart-x-tick text").Select(t => t.TextContent));
    }

    [Fact]
    public void A_range_under_two_years_gets_month_labels()
    {
        using var ctx = new BunitContext();

        var cut = Render(ctx, Model("Shells", "shells/year",
            [new ChartSeries("EU 155 mm", [new(new DateOnly(2025, 1, 1), 1_000_000m), new(new DateOnly(2025, 7, 1), 1_500_000m)])]));

        var labels = cut.FindAll(".chart-x-tick text").Select(t => t.TextContent).ToList();
        Assert.Equal("Jan 2025", labels[0]);
        Assert.Equal("Jul 2025", labels[^1]);
        Assert.Equal("shells/year", cut.Find(".chart-unit text").TextContent);
    }

    [Fact]
    public void No_data_shows_the_empty_text_and_no_svg()
    {
        using var ctx = new BunitContext();

        var none = Render(ctx, Model("ISR"));
        var allEmpty = Render(ctx, Model("ISR", series: [new ChartSeries("Europe share", [])], empty: "No public figure to chart"));

        Assert.Equal("No data to chart", none.Find("p.chart-empty").TextContent);
        Assert.Empty(none.FindAll("svg"));
        Assert.Equal("No public figure to chart", allEmpty.Find("p.chart-empty").TextContent);
        Assert.Empty(allEmpty.FindAll("svg"));
    }

    [Fact]
    public void Two_charts_on_a_page_do_not_share_svg_ids()
    {
        using var ctx = new BunitContext();

        var first = RenderFull(ctx).Find("svg > title").Id;
        var second = RenderFull(ctx).Find("svg > title").Id;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_series_of_20000_points_draws_a_marker_at_most_every_6_pixels_and_keeps_its_peak()
    {
        using var ctx = new BunitContext();
        var start = new DateOnly(1800, 1, 1);
        var points = Enumerable.Range(0, 20_000).Select(i => new ChartPoint(start.AddDays(i), i == 17_777 ? 99m : 40m)).ToList();

        var chart = Render(ctx, Model("A long history", "%", [new ChartSeries("Europe share", points)]));

        var markers = chart.FindAll("path.chart-marker");
        Assert.InRange(markers.Count, 2, 800 / 6);
        Assert.Contains(markers, m => m.TextContent.Contains(": 99", StringComparison.Ordinal));
    }
}
