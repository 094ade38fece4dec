namespace BurdenShift.Core.Sources;

/// <summary>
/// The source registry as of a date: every source, each with the figures, targets and milestones
/// that cite it. <see cref="Total"/> counts the whole registry, <see cref="Sources"/> what a filter kept.
/// </summary>
public sealed record SourceRegistry(DateOnly AsOf, int Total, IReadOnlyList<RegistrySource> Sources)
{
    /// <summary>
    /// The sources whose publisher, title, note or key contains <paramref name="search"/> (any case)
    /// and, when given, whose confidence is <paramref name="confidence"/>; <see cref="Total"/> is kept.
    /// </summary>
    public SourceRegistry Filter(string? search, Confidence? confidence)
    {
        var text = search?.Trim();
        return this with
        {
            Sources = [.. Sources.Where(s => (confidence is null || s.Confidence == confidence) && s.Matches(text))],
        };
    }
}

/// <summary>One entry of the registry with what cites it as of the registry's date.</summary>
public sealed record RegistrySource(
    int Id,
    string Key,
    string Publisher,
    string Title,
    DateOnly? PublishedOn,
    DatePrecision PublishedPrecision,
    string? Url,
    Confidence Confidence,
    string? Note,
    IReadOnlyList<CitingAssessment> Assessments,
    IReadOnlyList<CitingObservation> Observations,
    IReadOnlyList<CitingTarget> Targets,
    IReadOnlyList<CitingMilestone> Milestones)
{
    /// <summary>
    /// How many share assessments cite this source: set when <see cref="Assessments"/> holds only
    /// the newest of them (a page of the registry), else their number. A page counts up to
    /// <see cref="SourceRegistryService.CountCap"/> and sets one more when there are more (<see cref="CountText"/>).
    /// </summary>
    public int? AssessmentTotal { get; init; }

    /// <summary>How many observations cite this source, as <see cref="AssessmentTotal"/>.</summary>
    public int? ObservationTotal { get; init; }

    /// <summary>How many share assessments cite this source, listed or not.</summary>
    public int AssessmentCount => AssessmentTotal ?? Assessments.Count;

    /// <summary>How many observations cite this source, listed or not.</summary>
    public int ObservationCount => ObservationTotal ?? Observations.Count;

    /// <summary>A count as a page says it: its number, or "more than 10,000" when the page stopped counting.</summary>
    public static string CountText(int count) =>
        count > SourceRegistryService.CountCap
            ? $"more than {Formatting.Formats.Number(SourceRegistryService.CountCap)}"
            : Formatting.Formats.Number(count);

    /// <summary>How many figures, targets and milestones cite this source.</summary>
    public int CitationCount => AssessmentCount + ObservationCount + Targets.Count + Milestones.Count;

    /// <summary>True when the text is empty or occurs in the publisher, title, note or key, in any case.</summary>
    public bool Matches(string? text) =>
        string.IsNullOrWhiteSpace(text)
        || Publisher.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Key.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (Note?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}

/// <summary>A share assessment that cites a source.</summary>
public sealed record CitingAssessment(
    long Id,
    string AreaKey,
    string AreaName,
    DateOnly AsOf,
    DatePrecision DatePrecision,
    decimal? EuropeShare,
    decimal? UsShare,
    Confidence Confidence);

/// <summary>An indicator observation that cites a source.</summary>
public sealed record CitingObservation(
    long Id,
    string IndicatorKey,
    string IndicatorName,
    string Unit,
    DateOnly AsOf,
    DatePrecision DatePrecision,
    decimal Value,
    Confidence Confidence);

/// <summary>
/// A target that cites a source, on an area's Europe share (<see cref="AreaKey"/> set, unit "%")
/// or on an indicator (<see cref="IndicatorKey"/> set).
/// </summary>
public sealed record CitingTarget(
    int Id,
    string Series,
    string? AreaKey,
    string? IndicatorKey,
    string Key,
    string Label,
    decimal Value,
    string Unit,
    DateOnly Deadline);

/// <summary>A milestone that cites a source; <see cref="AreaName"/> is null for one that concerns all areas.</summary>
public sealed record CitingMilestone(
    int Id,
    string Title,
    DateOnly Due,
    DatePrecision DuePrecision,
    string? AreaKey,
    string? AreaName);
