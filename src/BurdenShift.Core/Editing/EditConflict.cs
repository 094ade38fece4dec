namespace BurdenShift.Core.Editing;

/// <summary>The stored version that made a save stale, and who stored it.</summary>
public sealed record EditConflict(FigureForm Stored, string? ChangedBy, DateTimeOffset? ChangedAt);
