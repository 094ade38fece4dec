namespace BurdenShift.Core.Domain;

/// <summary>
/// One write to a figure, source, target, milestone or area: who, when, what, the values before
/// and after (JSON), and why. Written in the same transaction as the change it records.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    /// <summary><c>insert</c>, <c>update</c> or <c>delete</c>.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public required string Summary { get; set; }

    public string? OldValues { get; set; }

    public string? NewValues { get; set; }

    public string? Reason { get; set; }

    /// <summary>The area the changed row belongs to, for an area's history (null for alliance-wide rows and sources).</summary>
    public string? AreaKey { get; set; }

    /// <summary>The import (or undo) this write was part of, if any.</summary>
    public long? ChangeSetId { get; set; }
}
