namespace BurdenShift.Core.Domain;

/// <summary>A dated event for one area, or for all areas when <see cref="AreaId"/> is null.</summary>
public class Milestone : ISoftDeletable
{
    public int Id { get; set; }

    public int? AreaId { get; set; }

    public CapabilityArea? Area { get; set; }

    public required string Title { get; set; }

    public DateOnly Due { get; set; }

    public DatePrecision DuePrecision { get; set; } = DatePrecision.Day;

    public MilestoneStatus Status { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public int SourceId { get; set; }

    public Source? Source { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public string? DeletedBy { get; set; }
}
