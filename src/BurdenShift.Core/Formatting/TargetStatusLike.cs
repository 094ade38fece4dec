namespace BurdenShift.Core.Formatting;

/// <summary>The part of a target result that <see cref="Formats.Eta"/> needs.</summary>
public readonly record struct TargetStatusLike(TargetStatus Status, DateOnly? Eta, decimal? YearsLate);
