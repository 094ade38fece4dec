namespace BurdenShift.Core.Domain;

public enum MilestoneStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
    Slipped = 4,
    Cancelled = 5,
}
