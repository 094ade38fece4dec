namespace BurdenShift.Core.Review;

/// <summary>
/// What publishing a draft would do now: the figures it moves ("ISR 2027: at-risk -> off-track,
/// gap 12.6 -> 14.1"), or why it could not be published (a conflict, a rule it now breaks).
/// </summary>
public sealed record DraftPreview(IReadOnlyList<string> Effects, string? Problem, EditConflict? Conflict);
