namespace BurdenShift.Core.Imports;

/// <summary>An import as the import page lists it.</summary>
public sealed record ImportRecord(long Id, DateTimeOffset At, string By, string Description, int RowCount, DateTimeOffset? UndoneAt, string? UndoneBy);
