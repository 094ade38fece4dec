using System.Text.Json.Serialization;

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
    RangeResult? Range = null)
{
    /// <summary>The target's row, so a page links to its edit form without looking the key up again.</summary>
    public long Id { get; init; }
}

/// <summary>
/// An area as the overview shows it. <paramref name="ShareBasis"/> says where <paramref name="Latest"/>
/// and the targets' figures come from: the assessments, or the count pairs (then Latest is the
/// derived figure, cited by the count that dated it, and its note names every pair).
/// <paramref name="Derivation"/> reads every pair at the as-of date whatever the basis, and
/// <paramref name="DerivedShare"/> is what they give (null without a defined pair).
/// </summary>
public record AreaSummary(
    string Key,
    string Name,
    DateOnly AsOf,
    bool Illustrative,
    LatestShare? Latest,
    decimal? TrendPerYear,
    IReadOnlyList<TargetResult> Targets,
    ShareBasisKind ShareBasis,
    IReadOnlyList<PairResult> Derivation,
    DerivedFigure? DerivedShare)
{
    /// <summary>The engine's view of the Europe-share series (the basis's), from which scenarios are computed (<see cref="Scenarios"/>); not part of the API.</summary>
    [JsonIgnore]
    public SeriesSnapshot? Snapshot { get; init; }

    /// <summary>The area's row id, for the pages' edit links; the API names areas by key.</summary>
    [JsonIgnore]
    public int Id { get; init; }
}

/// <summary>
/// One count pair read at the as-of date (docs/methodology.md, "Shares derived from counts"):
/// each side's current count with its date and source, and when both exist and their sum is
/// above zero the pair's Europe share, date (the later) and confidence (the lower); nulls otherwise.
/// The id (for the area page's edit links) stays out of the API.
/// </summary>
public sealed record PairResult(
    [property: JsonIgnore] int Id,
    string Label,
    decimal Weight,
    string EuropeIndicator,
    string UsIndicator,
    string Unit,
    decimal? EuropeValue,
    decimal? UsValue,
    decimal? Share,
    DateOnly? Date,
    Confidence? Confidence,
    DateOnly? EuropeDate,
    DateOnly? UsDate,
    SourceRef? EuropeSource,
    SourceRef? UsSource,
    string? Note)
{
    /// <summary>The range of Europe's count, when its source gives one (null bounds otherwise).</summary>
    public decimal? EuropeLow { get; init; }

    public decimal? EuropeHigh { get; init; }

    /// <summary>The range of the US count, when its source gives one.</summary>
    public decimal? UsLow { get; init; }

    public decimal? UsHigh { get; init; }

    /// <summary>The pair's share at its ends (Europe's low count against the US's high one, and the reverse) when a count gives a range.</summary>
    public decimal? ShareLow { get; init; }

    public decimal? ShareHigh { get; init; }
}

/// <summary>An area's shares derived from its defined pairs at the as-of date, with their range when a count gives one.</summary>
public sealed record DerivedFigure(
    decimal EuropeShare, decimal UsShare, DateOnly Date, Confidence Confidence, decimal? EuropeLow = null, decimal? EuropeHigh = null);

/// <summary>
/// An area with everything its page shows, bounded whatever the length of its history
/// (docs/decisions/0012): <see cref="Assessments"/> and each indicator's observations are the
/// newest <see cref="HistoryReads.LatestRows"/>, newest first; the histories give the row
/// counts, the chart lines and every source cited. <see cref="DerivedHistory"/> is the derived
/// Europe-share series of its whole history, bounded as the overview's chart depth is
/// (<see cref="HistoryDepth.Chart"/>).
/// </summary>
public sealed record AreaDetail(
    string Key,
    string Name,
    DateOnly AsOf,
    bool Illustrative,
    LatestShare? Latest,
    decimal? TrendPerYear,
    IReadOnlyList<TargetResult> Targets,
    ShareBasisKind ShareBasis,
    IReadOnlyList<PairResult> Derivation,
    DerivedFigure? DerivedShare,
    string Description,
    string? ShareBasisNote,
    IReadOnlyList<AssessmentRow> Assessments,
    IReadOnlyList<IndicatorSummary> Indicators,
    IReadOnlyList<MilestoneRow> Milestones,
    SeriesHistory ShareHistory,
    IReadOnlyDictionary<string, SeriesHistory> IndicatorHistories,
    IReadOnlyList<SeriesPoint> DerivedHistory)
    : AreaSummary(Key, Name, AsOf, Illustrative, Latest, TrendPerYear, Targets, ShareBasis, Derivation, DerivedShare);

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

/// <summary>
/// What the overview page shows: areas, their Europe-share histories (from each area's basis)
/// and the index, and the alliance-wide statements shown beside the index.
/// </summary>
public sealed record DashboardOverview(
    DateOnly AsOf,
    bool Illustrative,
    IReadOnlyList<AreaSummary> Areas,
    IReadOnlyList<IndexResult> Index,
    IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> History,
    IReadOnlyList<SeriesPoint> IndexHistory,
    IReadOnlyList<HeadlineStatement> Statements);

/// <summary>
/// An alliance-wide statement (a headline indicator's latest observation, such as the NATO
/// Secretary General's 44%), with the aim it states, if any. Not an area figure: it feeds no index.
/// </summary>
public sealed record HeadlineStatement(
    string Indicator,
    string Name,
    string Unit,
    DateOnly Date,
    DatePrecision DatePrecision,
    decimal Value,
    Confidence Confidence,
    SourceRef Source,
    string? Note,
    decimal? AimValue,
    DateOnly? AimDeadline,
    string? AimLabel);

/// <summary>The indicators and their observation histories.</summary>
public sealed record IndicatorOverview(IReadOnlyList<IndicatorSummary> Indicators, IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>> History);
