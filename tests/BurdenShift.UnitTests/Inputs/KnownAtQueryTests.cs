using BurdenShift.Core.Inputs;

namespace BurdenShift.UnitTests.Inputs;

/// <summary>knownAt: a day means its end (UTC), a moment is read in UTC, and nothing after now is accepted.</summary>
public sealed class KnownAtQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_value_means_the_latest_record()
    {
        Assert.Equal(new KnownAtReading(null, false, null), KnownAtQuery.Read(null, Now));
        Assert.Equal(new KnownAtReading(null, false, null), KnownAtQuery.Read("", Now));
    }

    [Fact]
    public void A_day_means_everything_published_by_its_end()
    {
        var reading = KnownAtQuery.Read("2026-03-15", Now);

        Assert.True(reading.IsValid);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990), reading.Moment);
        Assert.Equal("2026-03-15", KnownAtQuery.Format(reading.Moment!.Value));
        Assert.Equal("2026-03-15", KnownAtQuery.Describe(reading.Moment.Value));
        Assert.True(KnownAtQuery.Read("2026-11-30", Now).IsValid); // today: all published so far
    }

    [Theory]
    [InlineData("2026-03-15T09:30:00Z", "2026-03-15T09:30:00Z")]
    [InlineData("2026-03-15T09:30Z", "2026-03-15T09:30:00Z")]
    [InlineData("2026-03-15T10:30:00+01:00", "2026-03-15T09:30:00Z")]
    [InlineData("2026-03-15T09:30:00", "2026-03-15T09:30:00Z")]
    [InlineData("2026-03-15T09:30:00.25Z", "2026-03-15T09:30:00.25Z")]
    public void A_moment_is_read_in_utc_and_carried_on_as_iso(string text, string carried)
    {
        var reading = KnownAtQuery.Read(text, Now);

        Assert.True(reading.IsValid, reading.Problem);
        Assert.Equal(TimeSpan.Zero, reading.Moment!.Value.Offset);
        Assert.Equal(carried, KnownAtQuery.Format(reading.Moment.Value));
        Assert.Equal(reading, KnownAtQuery.Read(KnownAtQuery.Format(reading.Moment.Value), Now));
    }

    [Theory]
    [InlineData("2026-12-01", "in the future")]
    [InlineData("2026-11-30T12:00:01Z", "in the future")]
    [InlineData("2099-01-01T00:00:00Z", "in the future")]
    [InlineData("2026-02-30", "is not a date")]
    [InlineData("1899-12-31T23:00:00Z", "outside")]
    [InlineData("2026-03-15 09:30", "is not a date")]
    [InlineData("2026-03-15T25:00:00Z", "is not a date")]
    [InlineData("yesterday", "is not a date")]
    [InlineData("2026-03-15\u0000", "is not a date")]
    public void Anything_else_is_refused_with_its_reason(string text, string why)
    {
        var reading = KnownAtQuery.Read(text, Now);

        Assert.False(reading.IsValid);
        Assert.Null(reading.Moment);
        Assert.Contains(why, reading.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0000", KnownAtQuery.ApiDetail(reading.Problem!), StringComparison.Ordinal);
    }
}
