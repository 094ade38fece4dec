namespace BurdenShift.Core.Editing;

/// <summary>What an editor typed for a new share assessment; anything may be missing or wrong.</summary>
public sealed record ShareAssessmentDraft(
    string AreaKey,
    DateOnly? AsOf,
    decimal? EuropeShare,
    decimal? UsShare,
    Confidence? Confidence,
    string? SourceKey,
    string? NewSourcePublisher,
    string? NewSourceTitle,
    string? NewSourceUrl,
    string? Note);
