using BurdenShift.Core.Data;
using BurdenShift.Core.Data.Seeding;
using BurdenShift.Core.Domain;
using BurdenShift.Core.Domain.Engine;
using Microsoft.EntityFrameworkCore;

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Loads what the engine needs for an as-of date and hands back the computed figures. Each
/// method issues a fixed number of SQL commands whatever the number of areas or observations
/// (the overview: three), and only rows dated on or before the as-of date count, so any past
/// date replays exactly what the data said then.
/// </summary>
public sealed class DashboardService(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    /// <summary>Every area with its latest figures and its distance to each target. Three SQL commands.</summary>
    public async Task<IReadOnlyList<AreaSummary>> GetAreasAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetOverviewAsync(asOf, ct)).Areas;

    /// <summary>The overall handover index against the standard 2027 and 2030 targets. Three SQL commands.</summary>
    public async Task<IReadOnlyList<IndexResult>> GetIndexAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetOverviewAsync(asOf, ct)).Index;

    /// <summary>
    /// Everything the overview shows, from one load: the areas, their Europe-share series over
    /// the trend window (for sparklines) and the handover index. Three SQL commands, each
    /// reading a number of rows that does not grow with history (docs/decisions/0012).
    /// </summary>
    public Task<DashboardOverview> GetOverviewAsync(DateOnly asOf, CancellationToken ct = default) =>
        GetOverviewAsync(asOf, HistoryDepth.TrendWindow, ct);

    /// <summary>
    /// The overview with, for <see cref="HistoryDepth.Full"/>, every Europe-share point and the
    /// whole index history (charts of the history); the figures are the same either way.
    /// </summary>
    public async Task<DashboardOverview> GetOverviewAsync(DateOnly asOf, HistoryDepth depth, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await DashboardQueries.AreaHeads(db, asOf).ToListAsync(ct);
        // Thin rows: the Europe-share points the engine needs and the latest row of each area
        // (which may give only a US share). Its note and source came with the areas.
        var rows = await SeriesWindows.SharesAsync(db, areas, asOf, depth == HistoryDepth.Full, ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Select(m => new MilestoneData(m.AreaId, new MilestoneFacts(m.Due, m.Status, m.CompletedOn)))
            .ToListAsync(ct);
        // The counts the areas' pairs need and the headline statements (docs/decisions/0016).
        var counts = await SeriesWindows.CountsAsync(
            db, Derivations.WindowStarts(areas.Select(a => a.Pairs)), asOf, depth == HistoryDepth.Full, ct);

        var derivations = new Derivations(counts);
        var derived = areas.ToDictionary(a => a.Key, a => derivations.For(a.Pairs, asOf, windowed: depth != HistoryDepth.Full));
        var byArea = rows.ToLookup(r => r.AreaId);
        // Each area's Europe-share series from its basis: the one the engine, the index and the sparkline use.
        var history = areas.ToDictionary(
            a => a.Key,
            a => a.Basis == ShareBasisKind.Derived
                ? derived[a.Key].Series
                : (IReadOnlyList<SeriesPoint>)[.. byArea[a.Id].Where(r => r.EuropeShare is not null)
                    .Select(r => new SeriesPoint(r.AsOf, r.EuropeShare!.Value.Normalize(), r.Id, r.Confidence))
                    .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)]);
        var summaries = areas.Select(a =>
        {
            var latest = a.Basis == ShareBasisKind.Derived
                ? derived[a.Key].Latest
                : a.Latest.Citation is { } cite && byArea[a.Id].FirstOrDefault(r => r.Id == cite.Id) is { } row
                    ? new LatestShare(row.AsOf, row.Precision, row.EuropeShare, row.UsShare, row.Confidence, cite.Source, cite.Note)
                    : null;
            return Summarise(a.Facts, latest, history[a.Key], milestones, asOf, a.Basis, derived[a.Key]);
        }).ToList();

        var illustrative = areas.Count > 0 && areas[0].Facts.Illustrative;
        var index = HandoverIndex.Build(areas.Select(a => new WeightedSeries(a.Key, a.Weight.Normalize(), history[a.Key])), asOf);
        var snapshot = SeriesSnapshot.Take(index.Points, asOf, SeriesKind.Share, IndicatorDirection.Up);
        List<IndexResult> indexResults =
        [
            .. new[] { StandardData.Target2027, StandardData.Target2030 }.Select(t =>
            {
                var deadline = PartialDate.Parse(t.Deadline).Date;
                var d = snapshot.DistanceTo(new SeriesTarget(t.Value, deadline));
                return new IndexResult(t.Key, t.Label, deadline, t.Value, asOf, illustrative, index.Included, index.LeftOut,
                    d.Current, d.CurrentDate, snapshot.TrendPerYear, d.Gap, d.RequiredPerYear, d.Projected, d.Eta, d.YearsLate,
                    d.Status, d.Confidence);
            }),
        ];
        // Before its window the index was built from partial series: only the window is exact.
        IReadOnlyList<SeriesPoint> indexHistory = depth == HistoryDepth.Full || snapshot.Current is not { } current
            ? index.Points
            : [.. index.Points.Where(p => p.Date >= SeriesWindows.StartOf(current.Date))];
        List<HeadlineStatement> statements =
        [
            .. counts.Where(c => c.Headline)
                .GroupBy(c => c.IndicatorId)
                .Select(g => g.OrderBy(c => c.Point.Date).ThenBy(c => c.Point.EntryOrder).Last())
                .OrderBy(c => c.IndicatorKey, StringComparer.Ordinal)
                .Select(c => new HeadlineStatement(c.IndicatorKey, c.IndicatorName, c.Unit, c.Point.Date, c.Precision,
                    c.Point.Value.Normalize(), c.Point.Confidence, c.Source, c.Note, c.AimValue?.Normalize(), c.AimDeadline, c.AimLabel)),
        ];
        return new DashboardOverview(asOf, illustrative, summaries, indexResults, history, indexHistory, statements);
    }

    /// <summary>One area with its assessments, indicators and milestones, or null for an unknown key.</summary>
    public async Task<AreaDetail?> GetAreaAsync(string key, DateOnly asOf, CancellationToken ct = default)
    {
        if (!Inputs.InputRules.IsPlausibleKey(key))
        {
            return null; // unknown, without asking the database (PostgreSQL refuses a NUL in a parameter)
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var area = await DashboardQueries.Area(db, asOf, key).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return null;
        }

        var assessments = area.Assessments;
        List<int> paired = [.. area.Pairs.SelectMany(p => new[] { p.EuropeId, p.UsId }).Distinct()];
        var indicators = await DashboardQueries.Indicators(db, asOf, area.Facts.Id, paired).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.AreaId == area.Facts.Id || m.AreaId == null)
            .OrderBy(m => m.Due).ThenBy(m => m.Title)
            .Select(m => new
            {
                m.Id,
                Area = m.Area == null ? null : m.Area.Key,
                m.AreaId,
                m.Title,
                m.Due,
                m.DuePrecision,
                m.Status,
                m.CompletedOn,
                Source = new SourceRef(m.Source!.Key, m.Source.Publisher, m.Source.Title, m.Source.Url, m.Source.Confidence),
                m.Note,
            })
            .ToListAsync(ct);

        var facts = milestones.Select(m => new MilestoneData(m.AreaId, new MilestoneFacts(m.Due, m.Status, m.CompletedOn))).ToList();
        var europePoints = assessments
            .Where(s => s.EuropeShare is not null)
            .Select(s => new SeriesPoint(s.AsOf, s.EuropeShare!.Value, s.Id, s.Confidence));
        // The rows come in date and entry order: the last is the latest (on a date tie, the one entered last).
        var latest = assessments.Count > 0 && assessments[^1] is { } l
            ? new LatestShare(l.AsOf, l.DatePrecision, l.EuropeShare, l.UsShare, l.Confidence, l.Source, l.Note)
            : null;
        // The page read every count of its pairs' indicators with their citations.
        var derivation = new Derivations(indicators.SelectMany(i => i.Observations.Select(o => new CountRow(
            i.Facts.Id, o.Point, o.Precision, o.Source, o.Note, false, i.Facts.Key, i.Facts.Name, i.Facts.Unit, null, null, null))))
            .For(area.Pairs, asOf, windowed: false);
        var summary = area.Basis == ShareBasisKind.Derived
            ? Summarise(area.Facts, derivation.Latest, derivation.Series, facts, asOf, area.Basis, derivation)
            : Summarise(area.Facts, latest, europePoints, facts, asOf, area.Basis, derivation);

        return new AreaDetail(
            summary.Key, summary.Name, asOf, summary.Illustrative, summary.Latest, summary.TrendPerYear, summary.Targets,
            summary.ShareBasis, summary.Derivation, summary.DerivedShare,
            area.Description, area.ShareBasis,
            [.. assessments.Select(s => s with { EuropeShare = s.EuropeShare.Normalize(), UsShare = s.UsShare.Normalize() })],
            [.. indicators.Select(i => SummariseIndicator(i.Facts, LatestOf(i), i.Observations.Select(o => o.Point), facts, asOf, i.Observations))],
            [.. milestones.Select(m => new MilestoneRow(m.Id, m.Area, m.Title, m.Due, m.DuePrecision, m.Status, m.CompletedOn,
                new MilestoneFacts(m.Due, m.Status, m.CompletedOn).IsOverdueAsOf(asOf), m.Source, m.Note))],
            derivation.Series)
        { Snapshot = summary.Snapshot };
    }

    /// <summary>Every indicator with its latest value and its distance to each of its targets. Three SQL commands.</summary>
    public async Task<IReadOnlyList<IndicatorSummary>> GetIndicatorsAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetIndicatorOverviewAsync(asOf, ct)).Indicators;

    /// <summary>The indicators and their trend windows, from one load of three SQL commands.</summary>
    public Task<IndicatorOverview> GetIndicatorOverviewAsync(DateOnly asOf, CancellationToken ct = default) =>
        GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow, ct);

    /// <summary>The indicators and their histories (every observation for <see cref="HistoryDepth.Full"/>), from three SQL commands.</summary>
    public async Task<IndicatorOverview> GetIndicatorOverviewAsync(DateOnly asOf, HistoryDepth depth, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicators = await DashboardQueries.IndicatorHeads(db, asOf).ToListAsync(ct);
        var points = await SeriesWindows.ObservationsAsync(
            db, [.. indicators.Select(i => (i.Facts.Id, i.LatestDate))], asOf, depth == HistoryDepth.Full, ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Select(m => new MilestoneData(m.AreaId, new MilestoneFacts(m.Due, m.Status, m.CompletedOn)))
            .ToListAsync(ct);

        var byIndicator = points.ToLookup(p => p.IndicatorId);
        var summaries = indicators.Select(i =>
        {
            var latest = i.Latest.Citation is { } cite && byIndicator[i.Facts.Id].FirstOrDefault(p => p.Point.EntryOrder == cite.Id) is { } row
                ? new LatestValue(row.Point.Date, row.Precision, row.Point.Value, row.Point.Confidence, cite.Source, cite.Note)
                : null;
            return SummariseIndicator(i.Facts, latest, byIndicator[i.Facts.Id].Select(p => p.Point), milestones, asOf, withObservations: null);
        }).ToList();
        var history = indicators.ToDictionary(
            i => i.Facts.Key,
            i => (IReadOnlyList<SeriesPoint>)[.. byIndicator[i.Facts.Id].Select(p => p.Point with { Value = p.Point.Value.Normalize() })
                .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)]);
        return new IndicatorOverview(summaries, history);
    }

    private static AreaSummary Summarise(
        AreaFacts area, LatestShare? latestShare, IEnumerable<SeriesPoint> europePoints, IReadOnlyList<MilestoneData> milestones, DateOnly asOf,
        ShareBasisKind basis, AreaDerivation derivation)
    {
        var snapshot = SeriesSnapshot.Take(europePoints, asOf, SeriesKind.Share, IndicatorDirection.Up);
        var relevant = milestones.Where(m => m.AreaId == area.Id || m.AreaId is null).Select(m => m.Facts).ToList();
        var latest = latestShare is { } l ? l with { EuropeShare = l.EuropeShare.Normalize(), UsShare = l.UsShare.Normalize() } : null;
        return new AreaSummary(area.Key, area.Name, asOf, area.Illustrative, latest, snapshot.TrendPerYear,
            [.. area.Targets.Select(t => Measure(snapshot, t, relevant, asOf))], basis, derivation.Pairs, derivation.Figure)
        { Snapshot = snapshot };
    }

    // The observations come in date and entry order: the last is the latest.
    private static LatestValue? LatestOf(IndicatorData i) =>
        i.Observations.Count > 0 && i.Observations[^1] is { } o
            ? new LatestValue(o.Point.Date, o.Precision, o.Point.Value, o.Point.Confidence, o.Source, o.Note)
            : null;

    private static IndicatorSummary SummariseIndicator(
        IndicatorFacts i, LatestValue? latestValue, IEnumerable<SeriesPoint> points, IReadOnlyList<MilestoneData> milestones, DateOnly asOf,
        List<ObservationData>? withObservations)
    {
        var snapshot = SeriesSnapshot.Take(points, asOf, SeriesKind.Indicator, i.Direction);
        var relevant = milestones.Where(m => i.AreaId is null || m.AreaId == i.AreaId || m.AreaId is null).Select(m => m.Facts).ToList();
        var latest = latestValue is { } l ? l with { Value = l.Value.Normalize() } : null;
        var observations = withObservations is not null
            ? withObservations.Select(o => new ObservationRow(o.Point.EntryOrder, o.Point.Date, o.Precision,
                o.Point.Value.Normalize(), o.Point.Confidence, o.Source, o.Note)).ToList()
            : null;
        return new IndicatorSummary(i.Key, i.Name, i.Unit, i.Direction, i.AreaKey, asOf, i.Illustrative, latest, snapshot.TrendPerYear,
            [.. i.Targets.Select(t => Measure(snapshot, t, relevant, asOf))], observations)
        { Snapshot = snapshot };
    }

    private static TargetResult Measure(SeriesSnapshot snapshot, TargetData t, IReadOnlyList<MilestoneFacts> milestones, DateOnly asOf)
    {
        var value = t.Value.Normalize();
        var d = snapshot.DistanceTo(new SeriesTarget(value, t.Deadline));
        return new TargetResult(t.Key, t.Label, t.Deadline, value, t.Rationale, t.Source,
            d.Current, d.CurrentDate, d.Gap, d.RequiredPerYear, d.Projected, d.Eta, d.YearsLate, d.Status, d.Confidence,
            MilestoneRollup.Of(milestones, t.Deadline, asOf));
    }
}
