namespace BurdenShift.Core.Review;

/// <summary>A draft as the review queue shows it: who proposed what and why, and its rows' values before and after.</summary>
public sealed record DraftView(
    long Id,
    string Action,
    string Description,
    string Author,
    DateTimeOffset ProposedAt,
    string? Reason,
    int RowCount,
    string Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    IReadOnlyList<HistoryEntry> Rows);
