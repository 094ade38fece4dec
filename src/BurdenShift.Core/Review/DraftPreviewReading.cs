namespace BurdenShift.Core.Review;

/// <summary>What <see cref="DraftPreviewQuery.Read"/> found: the preview is on, or why not (<paramref name="Forbidden"/>: the caller may not have it).</summary>
public readonly record struct DraftPreviewReading(bool On, string? Problem, bool Forbidden);
