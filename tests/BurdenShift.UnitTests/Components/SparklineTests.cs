using BurdenShift.Web.Components.Shared.Charts;

namespace BurdenShift.UnitTests.Components;

public sealed class SparklineTests
{
    private static readonly ChartPoint[] Rising =
    [
        // Out of order on purpose: the last point is the latest date, not the last in the list.
        new(new DateOnly(2026, 1, 11), 20m),
        new(new DateOnly(2026, 1, 21), 30m),
        new(new DateOnly(2026, 1, 1), 10m),
    ];

    [Fact]
    public void An_empty_series_renders_nothing()
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<Sparkline>(p => p.Add(c => c.Points, []));

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void It_is_hidden_from_screen_readers_and_word_sized_by_default()
    {
        using var ctx = new BunitContext();

        var svg = ctx.Render<Sparkline>(p => p.Add(c => c.Points, Rising)).Find("svg");

        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.Equal("120", svg.GetAttribute("width"));
        Assert.Equal("28", svg.GetAttribute("height"));
    }

    [Fact]
    public void The_dot_marks_the_latest_point()
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<Sparkline>(p => p.Add(c => c.Points, Rising));

        // Latest date and highest value: the top right corner, inside the 3 px padding of the 120x28 box.
        var dot = cut.Find("circle");
        Assert.Equal("117", dot.GetAttribute("cx"));
        Assert.Equal("3", dot.GetAttribute("cy"));

        // Ten days apart and 10 apart in value: the middle point is the centre of the box.
        Assert.Equal("3,25 60,14 117,3", cut.Find("polyline").GetAttribute("points"));
    }

    [Fact]
    public void A_fixed_scale_places_the_point_by_it()
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<Sparkline>(p => p
            .Add(c => c.Points, [new ChartPoint(new DateOnly(2026, 1, 1), 50m)])
            .Add(c => c.YMin, 0m)
            .Add(c => c.YMax, 100m));

        // 50 of 0..100 is half way between y = 3 and y = 25.
        Assert.Equal("14", cut.Find("circle").GetAttribute("cy"));
        Assert.Empty(cut.FindAll("polyline"));
    }
}
