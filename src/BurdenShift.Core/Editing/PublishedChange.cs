namespace BurdenShift.Core.Editing;

/// <summary>
/// One published change as readers may see it (the change feed): what, when, why, the fields
/// before and after; never who (editors' names are for signed-in users) and never a draft.
/// </summary>
public sealed record PublishedChange(long Id, DateTimeOffset At, string Action, string Summary, string? Reason, string? AreaKey, IReadOnlyList<FieldChange> Changes);
