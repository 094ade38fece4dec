namespace BurdenShift.Core.Domain.Engine;

/// <summary>What the milestone roll-up needs of a milestone.</summary>
public readonly record struct MilestoneFacts(DateOnly Due, MilestoneStatus Status, DateOnly? CompletedOn)
{
    /// <summary>
    /// Done on or before <paramref name="asOf"/>: replaying a past date does not count a
    /// milestone done before it was (a done milestone without a completion date counts from its due date).
    /// </summary>
    public bool IsDoneAsOf(DateOnly asOf) => Status == MilestoneStatus.Done && (CompletedOn ?? Due) <= asOf;

    /// <summary>Not done (as of the date) nor cancelled, and due before the date.</summary>
    public bool IsOverdueAsOf(DateOnly asOf) => Status != MilestoneStatus.Cancelled && !IsDoneAsOf(asOf) && Due < asOf;
}

/// <summary>Per target: the milestones due by its deadline, how many are done and how many overdue.</summary>
public readonly record struct MilestoneRollup(int Due, int Done, int Overdue)
{
    public static MilestoneRollup Of(IEnumerable<MilestoneFacts> milestones, DateOnly deadline, DateOnly asOf)
    {
        int due = 0, done = 0, overdue = 0;
        foreach (var m in milestones)
        {
            if (m.Due > deadline || m.Status == MilestoneStatus.Cancelled)
            {
                continue;
            }

            due++;
            if (m.IsDoneAsOf(asOf))
            {
                done++;
            }
            else if (m.IsOverdueAsOf(asOf))
            {
                overdue++;
            }
        }

        return new MilestoneRollup(due, done, overdue);
    }
}
