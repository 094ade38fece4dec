using BurdenShift.Web.Components.Shared;

namespace BurdenShift.UnitTests.Components;

public sealed class StatusChipTests
{
    [Theory]
    [InlineData(TargetStatus.Met, "met", "status-met")]
    [InlineData(TargetStatus.Missed, "missed", "status-missed")]
    [InlineData(TargetStatus.OnTrack, "on track", "status-on-track")]
    [InlineData(TargetStatus.AtRisk, "at risk", "status-at-risk")]
    [InlineData(TargetStatus.OffTrack, "off track", "status-off-track")]
    [InlineData(TargetStatus.NoData, "no data", "status-no-data")]
    public async Task Each_status_is_said_in_words_not_only_in_colour(TargetStatus status, string words, string cssClass)
    {
        await using var ctx = MudTestContext.Create();

        var chip = ctx.Render<StatusChip>(p => p.Add(c => c.Status, status)).Find(".status");

        Assert.Equal(words, chip.TextContent);
        Assert.Contains(cssClass, chip.ClassList);
        Assert.False(string.IsNullOrWhiteSpace(chip.GetAttribute("title")), "the status explains itself on hover");
    }

    [Fact]
    public async Task The_confidence_chip_names_the_grade()
    {
        await using var ctx = MudTestContext.Create();

        var chip = ctx.Render<ConfidenceChip>(p => p.Add(c => c.Value, BurdenShift.Core.Domain.Confidence.Low));

        Assert.Equal("low confidence", chip.Find(".confidence").TextContent);
    }
}
