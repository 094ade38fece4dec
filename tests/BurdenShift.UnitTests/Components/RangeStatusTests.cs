using BurdenShift.Core.Dashboard;
using BurdenShift.Web.Components.Shared;

namespace BurdenShift.UnitTests.Components;

public sealed class RangeStatusTests
{
    private static RangeEnd End(TargetStatus status) => new(40m, 1m, 45m, null, null, status);

    [Fact]
    public void Ends_that_disagree_read_between_the_pessimistic_and_the_optimistic_status()
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<RangeStatus>(p => p.Add(c => c.Range, new RangeResult(End(TargetStatus.OffTrack), End(TargetStatus.OnTrack), Robust: false)));

        Assert.Equal("between off-track and on-track", cut.Find("[data-testid='range-status']").TextContent.Trim());
    }

    [Fact]
    public void A_robust_range_says_so_and_no_range_says_nothing()
    {
        using var ctx = new BunitContext();

        var robust = ctx.Render<RangeStatus>(p => p.Add(c => c.Range, new RangeResult(End(TargetStatus.Met), End(TargetStatus.Met), Robust: true)));
        var none = ctx.Render<RangeStatus>(p => p.Add(c => c.Range, null));

        Assert.Contains("robust", robust.Markup);
        Assert.Empty(robust.FindAll("[data-testid='range-status']"));
        Assert.Equal("", none.Markup.Trim());
    }

    [Fact]
    public void A_share_with_a_range_shows_it_after_the_share_and_a_missing_bound_is_the_share()
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<ShareCell>(p => p.Add(c => c.Value, 38.5m).Add(c => c.Low, 33m));

        Assert.Equal("38.5%", cut.Find(".share").TextContent);
        Assert.Equal("range 33%–38.5%", cut.Find("[data-testid='share-range']").TextContent);
    }
}
