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
    /// Everything the overview shows, from one load: the areas, their Europe-share histories and
    /// the handover index. Three SQL commands whatever the amount of data.
    /// </summary>
    public async Task<DashboardOverview> GetOverviewAsync(DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await AreaRows(db, asOf).ToListAsync(ct);
        // Every assessment dated on or before asOf, thin: the Europe-share series, and the latest
        // row of each area (which may give only a US share). Its note and source came with the areas.
        var rows = await db.ShareAssessments.AsNoTracking()
            .Where(s => s.AsOf <= asOf)
            .Select(s => new AssessmentPoint(s.AreaId, s.Id, s.AsOf, s.AsOfPrecision, s.EuropeShare, s.UsShare, s.Confidence))
            .ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Select(m => new MilestoneData(m.AreaId, new MilestoneFacts(m.Due, m.Status, m.CompletedOn)))
            .ToListAsync(ct);

        var byArea = rows.ToLookup(r => r.AreaId);
        var history = areas.ToDictionary(
            a => a.Key,
            a => (IReadOnlyList<SeriesPoint>)[.. byArea[a.Id].Where(r => r.EuropeShare is not null)
                .Select(r => new SeriesPoint(r.AsOf, r.EuropeShare!.Value.Normalize(), r.Id, r.Confidence))
                .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)]);
        var summaries = areas.Select(a =>
        {
            var latest = a.Latest is { } cite && byArea[a.Id].FirstOrDefault(r => r.Id == cite.Id) is { } row
                ? new LatestShare(row.AsOf, row.Precision, row.EuropeShare, row.UsShare, row.Confidence, cite.Source, cite.Note)
                : null;
            return Summarise(a, latest, history[a.Key], milestones, asOf);
        }).ToList();

        var illustrative = areas.Count > 0 && areas[0].Illustrative;
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
        return new DashboardOverview(asOf, illustrative, summaries, indexResults, history, index.Points);
    }

    /// <summary>One area with its assessments, indicators and milestones, or null for an unknown key.</summary>
    public async Task<AreaDetail?> GetAreaAsync(string key, DateOnly asOf, CancellationToken ct = default)
    {
        if (!Inputs.InputRules.IsPlausibleKey(key))
        {
            return null; // unknown, without asking the database (PostgreSQL refuses a NUL in a parameter)
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var area = await AreaRows(db, asOf, key).FirstOrDefaultAsync(ct);
        if (area is null)
        {
            return null;
        }

        var assessments = area.Assessments;
        var indicators = await IndicatorRows(db, asOf, withObservations: true, areaId: area.Id).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.AreaId == area.Id || m.AreaId == null)
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
        var latest = assessments.FirstOrDefault(s => s.Id == area.Latest?.Id) is { } l
            ? new LatestShare(l.AsOf, l.DatePrecision, l.EuropeShare, l.UsShare, l.Confidence, l.Source, l.Note)
            : null;
        var summary = Summarise(area, latest, europePoints, facts, asOf);

        return new AreaDetail(
            summary.Key, summary.Name, asOf, summary.Illustrative, summary.Latest, summary.TrendPerYear, summary.Targets,
            area.Description, area.ShareBasis,
            [.. assessments.Select(s => s with { EuropeShare = s.EuropeShare.Normalize(), UsShare = s.UsShare.Normalize() })],
            [.. indicators.Select(i => SummariseIndicator(i, LatestOf(i), i.Observations.Select(o => o.Point), facts, asOf, withObservations: true))],
            [.. milestones.Select(m => new MilestoneRow(m.Id, m.Area, m.Title, m.Due, m.DuePrecision, m.Status, m.CompletedOn,
                new MilestoneFacts(m.Due, m.Status, m.CompletedOn).IsOverdueAsOf(asOf), m.Source, m.Note))]);
    }

    /// <summary>Every indicator with its latest value and its distance to each of its targets. Three SQL commands.</summary>
    public async Task<IReadOnlyList<IndicatorSummary>> GetIndicatorsAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetIndicatorOverviewAsync(asOf, ct)).Indicators;

    /// <summary>The indicators and their histories (for charts), from one load of three SQL commands.</summary>
    public async Task<IndicatorOverview> GetIndicatorOverviewAsync(DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicators = await IndicatorRows(db, asOf, withObservations: false).ToListAsync(ct);
        var points = await db.IndicatorObservations.AsNoTracking()
            .Where(o => o.AsOf <= asOf)
            .Select(o => new ObservationPoint(o.IndicatorId, new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence), o.AsOfPrecision))
            .ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Select(m => new MilestoneData(m.AreaId, new MilestoneFacts(m.Due, m.Status, m.CompletedOn)))
            .ToListAsync(ct);

        var byIndicator = points.ToLookup(p => p.IndicatorId);
        var summaries = indicators.Select(i =>
        {
            var latest = i.Latest is { } cite && byIndicator[i.Id].FirstOrDefault(p => p.Point.EntryOrder == cite.Id) is { } row
                ? new LatestValue(row.Point.Date, row.Precision, row.Point.Value, row.Point.Confidence, cite.Source, cite.Note)
                : null;
            return SummariseIndicator(i, latest, byIndicator[i.Id].Select(p => p.Point), milestones, asOf, withObservations: false);
        }).ToList();
        var history = indicators.ToDictionary(
            i => i.Key,
            i => (IReadOnlyList<SeriesPoint>)[.. byIndicator[i.Id].Select(p => p.Point with { Value = p.Point.Value.Normalize() })
                .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)]);
        return new IndicatorOverview(summaries, history);
    }

    private static IQueryable<AreaData> AreaRows(BurdenShiftDbContext db, DateOnly asOf, string? key = null) =>
        db.Areas.AsNoTracking()
            .Where(a => key == null || a.Key == key)
            .OrderBy(a => a.DisplayOrder).ThenBy(a => a.Name)
            .Select(a => new AreaData(
                a.Id,
                a.Key,
                a.Name,
                a.Weight,
                a.Description,
                a.ShareBasis,
                db.DatasetInfo.Any(d => d.IsIllustrative),
                // Latest assessment dated on or before asOf (on a date tie the one entered last) and
                // its citation: scalar subqueries the (AreaId, AsOf) index answers, where EF's
                // translation of a whole-row FirstOrDefault is a window over the entire history.
                a.Assessments.Any(s => s.AsOf <= asOf)
                    ? new LatestCitation(
                        a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Id).First(),
                        a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Note).First(),
                        new SourceRef(
                            a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Key).First(),
                            a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Publisher).First(),
                            a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Title).First(),
                            a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Url).First(),
                            a.Assessments.Where(s => s.AsOf <= asOf).OrderByDescending(s => s.AsOf).ThenByDescending(s => s.Id).Select(s => s.Source!.Confidence).First()))
                    : null,
                a.Targets.OrderBy(t => t.Deadline).ThenBy(t => t.Key)
                    .Select(t => new TargetData(t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
                        new SourceRef(t.Source!.Key, t.Source.Publisher, t.Source.Title, t.Source.Url, t.Source.Confidence)))
                    .ToList(),
                // One area's page lists every assessment, read with the area (the page's budget is
                // three commands); the overview, with no key, reads none here.
                a.Assessments.Where(s => key != null && s.AsOf <= asOf)
                    .OrderBy(s => s.AsOf).ThenBy(s => s.Id)
                    .Select(s => new AssessmentRow(s.Id, s.AsOf, s.AsOfPrecision, s.EuropeShare, s.UsShare, s.Confidence,
                        new SourceRef(s.Source!.Key, s.Source.Publisher, s.Source.Title, s.Source.Url, s.Source.Confidence),
                        s.Note, s.EnteredBy, s.EnteredAt))
                    .ToList()));

    private static IQueryable<IndicatorData> IndicatorRows(BurdenShiftDbContext db, DateOnly asOf, bool withObservations, int? areaId = null) =>
        db.Indicators.AsNoTracking()
            .Where(i => areaId == null || i.AreaId == areaId)
            .OrderBy(i => i.Area == null ? 0 : i.Area.DisplayOrder).ThenBy(i => i.Name)
            .Select(i => new IndicatorData(
                i.Id,
                i.Key,
                i.Name,
                i.Unit,
                i.Direction,
                i.AreaId,
                i.Area == null ? null : i.Area.Key,
                db.DatasetInfo.Any(d => d.IsIllustrative),
                i.Observations.Any(o => o.AsOf <= asOf)
                    ? new LatestCitation(
                        i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Id).First(),
                        i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Note).First(),
                        new SourceRef(
                            i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Key).First(),
                            i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Publisher).First(),
                            i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Title).First(),
                            i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Url).First(),
                            i.Observations.Where(o => o.AsOf <= asOf).OrderByDescending(o => o.AsOf).ThenByDescending(o => o.Id).Select(o => o.Source!.Confidence).First()))
                    : null,
                i.Targets.OrderBy(t => t.Deadline).ThenBy(t => t.Key)
                    .Select(t => new TargetData(t.Key, t.Label, t.Deadline, t.Value, t.Rationale,
                        new SourceRef(t.Source!.Key, t.Source.Publisher, t.Source.Title, t.Source.Url, t.Source.Confidence)))
                    .ToList(),
                // The list endpoint needs no history: the condition keeps the rows out of the result in SQL.
                i.Observations.Where(o => withObservations && o.AsOf <= asOf).OrderBy(o => o.AsOf).ThenBy(o => o.Id)
                    .Select(o => new ObservationData(new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence), o.AsOfPrecision,
                        new SourceRef(o.Source!.Key, o.Source.Publisher, o.Source.Title, o.Source.Url, o.Source.Confidence), o.Note))
                    .ToList()));

    private static AreaSummary Summarise(
        AreaData area, LatestShare? latestShare, IEnumerable<SeriesPoint> europePoints, IReadOnlyList<MilestoneData> milestones, DateOnly asOf)
    {
        var snapshot = SeriesSnapshot.Take(europePoints, asOf, SeriesKind.Share, IndicatorDirection.Up);
        var relevant = milestones.Where(m => m.AreaId == area.Id || m.AreaId is null).Select(m => m.Facts).ToList();
        var latest = latestShare is { } l ? l with { EuropeShare = l.EuropeShare.Normalize(), UsShare = l.UsShare.Normalize() } : null;
        return new AreaSummary(area.Key, area.Name, asOf, area.Illustrative, latest, snapshot.TrendPerYear,
            [.. area.Targets.Select(t => Measure(snapshot, t, relevant, asOf))]);
    }

    private static LatestValue? LatestOf(IndicatorData i) =>
        i.Observations.FirstOrDefault(o => o.Point.EntryOrder == i.Latest?.Id) is { } o
            ? new LatestValue(o.Point.Date, o.Precision, o.Point.Value, o.Point.Confidence, o.Source, o.Note)
            : null;

    private static IndicatorSummary SummariseIndicator(
        IndicatorData i, LatestValue? latestValue, IEnumerable<SeriesPoint> points, IReadOnlyList<MilestoneData> milestones, DateOnly asOf,
        bool withObservations)
    {
        var snapshot = SeriesSnapshot.Take(points, asOf, SeriesKind.Indicator, i.Direction);
        var relevant = milestones.Where(m => i.AreaId is null || m.AreaId == i.AreaId || m.AreaId is null).Select(m => m.Facts).ToList();
        var latest = latestValue is { } l ? l with { Value = l.Value.Normalize() } : null;
        var observations = withObservations
            ? i.Observations.Select(o => new ObservationRow(o.Point.EntryOrder, o.Point.Date, o.Precision,
                o.Point.Value.Normalize(), o.Point.Confidence, o.Source, o.Note)).ToList()
            : null;
        return new IndicatorSummary(i.Key, i.Name, i.Unit, i.Direction, i.AreaKey, asOf, i.Illustrative, latest, snapshot.TrendPerYear,
            [.. i.Targets.Select(t => Measure(snapshot, t, relevant, asOf))], observations);
    }

    private static TargetResult Measure(SeriesSnapshot snapshot, TargetData t, IReadOnlyList<MilestoneFacts> milestones, DateOnly asOf)
    {
        var value = t.Value.Normalize();
        var d = snapshot.DistanceTo(new SeriesTarget(value, t.Deadline));
        return new TargetResult(t.Key, t.Label, t.Deadline, value, t.Rationale, t.Source,
            d.Current, d.CurrentDate, d.Gap, d.RequiredPerYear, d.Projected, d.Eta, d.YearsLate, d.Status, d.Confidence,
            MilestoneRollup.Of(milestones, t.Deadline, asOf));
    }

    private sealed record AreaData(
        int Id, string Key, string Name, decimal Weight, string Description, string? ShareBasis, bool Illustrative, LatestCitation? Latest, List<TargetData> Targets,
        List<AssessmentRow> Assessments);

    /// <summary>The latest row's id, note and source, read with the area or indicator.</summary>
    private sealed record LatestCitation(long Id, string? Note, SourceRef Source);

    private sealed record AssessmentPoint(
        int AreaId, long Id, DateOnly AsOf, DatePrecision Precision, decimal? EuropeShare, decimal? UsShare, Confidence Confidence);

    private sealed record TargetData(string Key, string Label, DateOnly Deadline, decimal Value, string Rationale, SourceRef Source);

    private sealed record MilestoneData(int? AreaId, MilestoneFacts Facts);

    private sealed record ObservationData(SeriesPoint Point, DatePrecision Precision, SourceRef Source, string? Note);

    private sealed record IndicatorData(
        int Id, string Key, string Name, string Unit, IndicatorDirection Direction, int? AreaId, string? AreaKey, bool Illustrative,
        LatestCitation? Latest, List<TargetData> Targets, List<ObservationData> Observations);

    private sealed record ObservationPoint(int IndicatorId, SeriesPoint Point, DatePrecision Precision);
}
