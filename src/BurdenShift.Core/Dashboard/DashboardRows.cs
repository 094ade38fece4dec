namespace BurdenShift.Core.Dashboard;

// What DashboardService reads from the database before the engine computes: thin projections,
// one per query shape. Internal: nothing outside the service sees them.

/// <summary>An area as the overview reads it: no history, but where its latest rows are.</summary>
internal sealed record AreaHead(
    AreaFacts Facts, decimal Weight, LatestCitationRow Latest, DateOnly? LatestEuropeDate, ShareBasisKind Basis, List<PairHead> Pairs)
{
    public int Id => Facts.Id;

    public string Key => Facts.Key;
}

/// <summary>What every summary of an area needs besides its figures.</summary>
internal sealed record AreaFacts(int Id, string Key, string Name, bool Illustrative, List<TargetData> Targets);

/// <summary>
/// The latest row's id, note and source, read as nullable scalar subqueries (all null when the
/// series has no row on or before the date): the (AreaId, AsOf) index answers each, where an
/// EXISTS test in front of them made PostgreSQL hash the whole table once per area.
/// </summary>
internal sealed record LatestCitationRow(
    long? Id, string? Note, string? SourceKey, string? Publisher, string? Title, string? Url, Confidence? Confidence)
{
    public LatestCitation? Citation => Id is { } id
        ? new LatestCitation(id, Note, new SourceRef(SourceKey!, Publisher!, Title!, Url, Confidence!.Value))
        : null;
}

/// <summary>The latest row's id, note and source.</summary>
internal sealed record LatestCitation(long Id, string? Note, SourceRef Source);

/// <summary>
/// A count pair as a load reads it: its two indicators and each side's latest date on or before
/// the as-of date (null: no count yet).
/// </summary>
internal sealed record PairHead(
    int Id, string Label, decimal Weight, string? Note, int EuropeId, string EuropeKey, DateOnly? EuropeLatest, int UsId, string UsKey,
    DateOnly? UsLatest, string Unit);

/// <summary>
/// A count of a pair's indicator, or a headline indicator's latest observation, with its citation
/// (the pages link each count to its source). The aim is a headline indicator's first target.
/// </summary>
internal sealed record CountRow(
    int IndicatorId, SeriesPoint Point, DatePrecision Precision, SourceRef Source, string? Note, bool Headline,
    string IndicatorKey, string IndicatorName, string Unit, decimal? AimValue, DateOnly? AimDeadline, string? AimLabel);

internal sealed record AssessmentPoint(
    int AreaId, long Id, DateOnly AsOf, DatePrecision Precision, decimal? EuropeShare, decimal? UsShare, Confidence Confidence,
    decimal? EuropeLow, decimal? EuropeHigh, decimal? UsLow, decimal? UsHigh)
{
    /// <summary>The Europe share as a point of the engine's series, with its range.</summary>
    public SeriesPoint EuropePoint => new(AsOf, EuropeShare!.Value.Normalize(), Id, Confidence, EuropeLow.Normalize(), EuropeHigh.Normalize());

    /// <summary>This assessment as its area's latest figure, cited as the latest citation says, its figures normalised.</summary>
    public LatestShare ToLatest(LatestCitation cite) => new(AsOf, Precision, EuropeShare.Normalize(), UsShare.Normalize(), Confidence, cite.Source, cite.Note,
        EuropeLow.Normalize(), EuropeHigh.Normalize(), UsLow.Normalize(), UsHigh.Normalize());
}

internal sealed record TargetData(long Id, string Key, string Label, DateOnly Deadline, decimal Value, string Rationale, SourceRef Source);

internal sealed record MilestoneData(int? AreaId, MilestoneFacts Facts);

/// <summary>An indicator as the indicator list reads it: no history, but where its latest rows are.</summary>
internal sealed record IndicatorHead(IndicatorFacts Facts, LatestCitationRow Latest, DateOnly? LatestDate);

/// <summary>What every summary of an indicator needs besides its figures.</summary>
internal sealed record IndicatorFacts(
    int Id, string Key, string Name, string Unit, IndicatorDirection Direction, int? AreaId, string? AreaKey, bool Illustrative,
    List<TargetData> Targets);

internal sealed record ObservationPoint(int IndicatorId, SeriesPoint Point, DatePrecision Precision);
