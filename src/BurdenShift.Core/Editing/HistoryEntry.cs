namespace BurdenShift.Core.Editing;

/// <summary>One audited write as a history list shows it.</summary>
public sealed record HistoryEntry(
    long Id,
    DateTimeOffset At,
    string By,
    string Action,
    FigureKind? Kind,
    long? EntityId,
    string Summary,
    string? Reason,
    IReadOnlyList<FieldChange> Changes,
    long? ChangeSetId)
{
    /// <summary>Changes to areas and figures can be reverted; additions to the source registry cannot.</summary>
    public bool CanRevert => Kind is not null;
}
