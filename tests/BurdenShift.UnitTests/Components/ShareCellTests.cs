using BurdenShift.Web.Components.Shared;

namespace BurdenShift.UnitTests.Components;

public sealed class ShareCellTests
{
    [Fact]
    public void An_unknown_share_reads_no_public_figure_and_never_zero()
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<ShareCell>(p => p.Add(c => c.Value, null));

        Assert.Equal("no public figure", cut.Find(".no-figure").TextContent);
        Assert.DoesNotContain("0", cut.Markup);
    }

    [Theory]
    [InlineData(80, "80%")]
    [InlineData(60.2, "60.2%")]
    [InlineData(0, "0%")]
    public void A_known_share_is_shown_as_a_percentage(decimal value, string expected)
    {
        using var ctx = new BunitContext();

        var cut = ctx.Render<ShareCell>(p => p.Add(c => c.Value, value));

        Assert.Equal(expected, cut.Find(".share").TextContent);
    }
}
