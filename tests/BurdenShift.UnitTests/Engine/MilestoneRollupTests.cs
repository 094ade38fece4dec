namespace BurdenShift.UnitTests.Engine;

public sealed class MilestoneRollupTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Counts_milestones_due_by_the_deadline_done_and_overdue_as_of_the_date()
    {
        MilestoneFacts[] milestones =
        [
            new(D(2025, 3, 1), MilestoneStatus.Done, D(2025, 2, 20)),      // due, done
            new(D(2025, 6, 1), MilestoneStatus.Slipped, null),             // due, overdue
            new(D(2026, 1, 1), MilestoneStatus.InProgress, null),          // due, overdue
            new(D(2026, 12, 31), MilestoneStatus.Planned, null),           // due, not yet
            new(D(2025, 9, 1), MilestoneStatus.Cancelled, null),           // not counted
            new(D(2028, 6, 30), MilestoneStatus.Planned, null),            // after the deadline
        ];

        var rollup = MilestoneRollup.Of(milestones, D(2027, 12, 31), D(2026, 6, 30));

        Assert.Equal(new MilestoneRollup(Due: 4, Done: 1, Overdue: 2), rollup);
    }

    [Fact]
    public void Replaying_a_date_before_completion_shows_the_milestone_as_not_yet_done()
    {
        var late = new MilestoneFacts(D(2024, 1, 31), MilestoneStatus.Done, D(2024, 9, 30));

        Assert.True(late.IsOverdueAsOf(D(2024, 6, 1)));
        Assert.False(late.IsDoneAsOf(D(2024, 6, 1)));
        Assert.True(late.IsDoneAsOf(D(2024, 9, 30)));
        Assert.False(late.IsOverdueAsOf(D(2024, 10, 1)));
    }

    [Fact]
    public void A_milestone_due_on_the_date_itself_is_not_yet_overdue()
    {
        var m = new MilestoneFacts(D(2026, 6, 30), MilestoneStatus.Planned, null);

        Assert.False(m.IsOverdueAsOf(D(2026, 6, 30)));
        Assert.True(m.IsOverdueAsOf(D(2026, 7, 1)));
    }
}
