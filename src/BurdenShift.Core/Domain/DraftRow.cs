namespace BurdenShift.Core.Domain;

/// <summary>One row a draft adds, changes or deletes, with its values before and after (audit JSON) when proposed.</summary>
public class DraftRow
{
    public long Id { get; set; }

    public long DraftId { get; set; }

    /// <summary><c>insert</c>, <c>update</c> or <c>delete</c>, as in the audit trail.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }

    /// <summary>The row's id; for a row the draft adds, the id it had in the rehearsal (not kept).</summary>
    public string? EntityId { get; set; }

    public required string Summary { get; set; }

    public string? OldValues { get; set; }

    public string? NewValues { get; set; }

    public string? AreaKey { get; set; }
}
