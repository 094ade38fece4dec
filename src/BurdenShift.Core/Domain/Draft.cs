namespace BurdenShift.Core.Domain;

/// <summary>
/// A change waiting for review (<c>Editing:Review = required</c>): what was asked (a form save,
/// a deletion, a revert or a whole import, replayed when it is published), who asked and why,
/// and each row's values before and after as they were when it was proposed. Drafts are never
/// deleted: a decided one keeps who published or rejected it, when and why.
/// </summary>
public class Draft
{
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Rejected = "rejected";

    public long Id { get; set; }

    /// <summary><c>save</c>, <c>delete</c>, <c>revert</c>, <c>import</c> or <c>undo</c> (of an import).</summary>
    public required string Action { get; set; }

    /// <summary>What the change does, in words ("Changed: ISR share assessment 2026-06-30").</summary>
    public required string Description { get; set; }

    public required string Author { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    /// <summary>The author's reason, as the audit trail keeps it once published.</summary>
    public string? Reason { get; set; }

    /// <summary>The request as JSON (<see cref="Review.DraftRequest"/>), replayed through the editor when published.</summary>
    public required string Request { get; set; }

    public int RowCount { get; set; }

    /// <summary><c>pending</c>, <c>published</c> or <c>rejected</c>; a concurrency token, so a draft is decided once.</summary>
    public string Status { get; set; } = Pending;

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why it was rejected (required), or a publisher's note.</summary>
    public string? DecisionReason { get; set; }

    /// <summary>
    /// Chosen once per proposal, before it is stored, and unique: a store retried after its
    /// commit's answer was lost finds the draft it already wrote instead of writing a second
    /// (docs/decisions/0021). Null for drafts stored before keys existed.
    /// </summary>
    public string? ProposalKey { get; set; }

    public List<DraftRow> Rows { get; set; } = [];
}
