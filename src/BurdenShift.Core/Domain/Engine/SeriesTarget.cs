namespace BurdenShift.Core.Domain.Engine;

/// <summary>A value to reach by a deadline.</summary>
public readonly record struct SeriesTarget(decimal Value, DateOnly Deadline);
