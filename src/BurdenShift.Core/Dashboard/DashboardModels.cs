using System.Text.Json.Serialization;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Domain.Engine;

namespace BurdenShift.Core.Dashboard;

// What the dashboard, the API and the exports show. Property names are the API's (camelCased by
// the serializer); enums travel as their kebab-case names ("on-track", "high").

/// <summary>A source as cited next to a figure.</summary>
public sealed record SourceRef(string Key, string Publisher, string Title, string? Url, Confidence Confidence);

/// <summary>
/// The latest share assessment of an area on or before the as-of date, with the range around
/// each share where the source gave one (null when not given).
/// </summary>
public sealed record LatestShare(
    DateOnly Date,
    DatePrecision DatePrecision,
    decimal? EuropeShare,
    decimal? UsShare,
    Confidence Confidence,
    SourceRef Source,
    string? Note,
    decimal? EuropeLow = null,
    decimal? EuropeHigh = null,
    decimal? UsLow = null,
    decimal? UsHigh = null);

/// <summary>One target measured against a series as of a date.</summary>
public sealed record TargetResult(
    string Key,
    string Label,
    DateOnly Deadline,
    decimal Value,
    string Rationale,
    SourceRef Source,
    decimal? Current,
    DateOnly? CurrentDate,
    decimal? Gap,
    decimal? RequiredPerYear,
    decimal? Projected,
    DateOnly? Eta,
    decimal? YearsLate,
    TargetStatus Status,
    Confidence? Confidence,
    MilestoneRollup Milestones,
    RangeResult? Range = null);

/// <summary>An area as the overview shows it.</summary>
public record AreaSummary(
    string Key,
    string Name,
    DateOnly AsOf,
    bool Illustrative,
    LatestShare? Latest,
    decimal? TrendPerYear,
    IReadOnlyList<TargetResult> Targets)
{
    /// <summary>The engine's view of the Europe-share series, from which scenarios are computed (<see cref="Scenarios"/>); not part of the API.</summary>
    [JsonIgnore]
    public SeriesSnapshot? Snapshot { get; init; }

    /// <summary>The area's row id, for the pages' edit links; the API names areas by key.</summary>
    [JsonIgnore]
    public int Id { get; init; }
}

/// <summary>
/// An area with everything its page shows, bounded whatever the length of its history
/// (docs/decisions/0012): <see cref="Assessments"/> and each indicator's observations are the
/// newest <see cref="HistoryReads.LatestRows"/>, newest first; the histories give the row
/// counts, the chart lines and every source cited.
/// </summary>
public sealed record AreaDetail(
    string Key,
    string Name,
    DateOnly AsOf,
    bool Illustrative,
    LatestShare? Latest,
    decimal? TrendPerYear,
    IReadOnlyList<TargetResult> Targets,
    string Description,
    string? ShareBasis,
    IReadOnlyList<AssessmentRow> Assessments,
    IReadOnlyList<IndicatorSummary> Indicators,
    IReadOnlyList<MilestoneRow> Milestones,
    SeriesHistory ShareHistory,
    IReadOnlyDictionary<string, SeriesHistory> IndicatorHistories)
    : AreaSummary(Key, Name, AsOf, Illustrative, Latest, TrendPerYear, Targets);

public sealed record AssessmentRow(
    long Id,
    DateOnly AsOf,
    DatePrecision DatePrecision,
    decimal? EuropeShare,
    decimal? UsShare,
    Confidence Confidence,
    SourceRef Source,
    string? Note,
    string EnteredBy,
    DateTimeOffset EnteredAt,
    decimal? EuropeLow = null,
    decimal? EuropeHigh = null,
    decimal? UsLow = null,
    decimal? UsHigh = null);

public sealed record ObservationRow(
    long Id,
    DateOnly AsOf,
    DatePrecision DatePrecision,
    decimal Value,
    Confidence Confidence,
    SourceRef Source,
    string? Note,
    decimal? Low = null,
    decimal? High = null);

public sealed record LatestValue(
    DateOnly Date, DatePrecision DatePrecision, decimal Value, Confidence Confidence, SourceRef Source, string? Note,
    decimal? Low = null, decimal? High = null);

public sealed record IndicatorSummary(
    string Key,
    string Name,
    string Unit,
    IndicatorDirection Direction,
    string? Area,
    DateOnly AsOf,
    bool Illustrative,
    LatestValue? Latest,
    decimal? TrendPerYear,
    IReadOnlyList<TargetResult> Targets,
    IReadOnlyList<ObservationRow>? Observations)
{
    /// <summary>The engine's view of the series, from which scenarios are computed (<see cref="Scenarios"/>); not part of the API.</summary>
    [JsonIgnore]
    public SeriesSnapshot? Snapshot { get; init; }
}

public sealed record MilestoneRow(
    int Id,
    string? Area,
    string Title,
    DateOnly Due,
    DatePrecision DuePrecision,
    MilestoneStatus Status,
    DateOnly? CompletedOn,
    bool Overdue,
    SourceRef Source,
    string? Note);

/// <summary>The overall handover index measured against one target.</summary>
public sealed record IndexResult(
    string Key,
    string Label,
    DateOnly Deadline,
    decimal Value,
    DateOnly AsOf,
    bool Illustrative,
    IReadOnlyList<string> AreasIncluded,
    IReadOnlyList<string> AreasLeftOut,
    decimal? Current,
    DateOnly? CurrentDate,
    decimal? TrendPerYear,
    decimal? Gap,
    decimal? RequiredPerYear,
    decimal? Projected,
    DateOnly? Eta,
    decimal? YearsLate,
    TargetStatus Status,
    Confidence? Confidence,
    RangeResult? Range = null);

/// <summary>What the overview page shows: areas, their Europe-share histories and the index.</summary>
public sealed record DashboardOverview(
    DateOnly AsOf,
    bool Illustrative,
    IReadOnlyList<AreaSummary> Areas,
    IReadOnlyList<IndexResult> Index,
    IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> History,
    IReadOnlyList<SeriesPoint> IndexHistory);

/// <summary>The indicators and their observation histories.</summary>
public sealed record IndicatorOverview(IReadOnlyList<IndicatorSummary> Indicators, IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> History);
