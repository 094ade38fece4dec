namespace BurdenShift.Core.Domain;

/// <summary>A dated event for one area, or for all areas when <see cref="AreaId"/> is null.</summary>
public class Milestone : SourcedRow
{
    public int Id { get; set; }

    public int? AreaId { get; set; }

    public CapabilityArea? Area { get; set; }

    public required string Title { get; set; }

    public DateOnly Due { get; set; }

    public DatePrecision DuePrecision { get; set; } = DatePrecision.Day;

    public MilestoneStatus Status { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? Note { get; set; }
}
