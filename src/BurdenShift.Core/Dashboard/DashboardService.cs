using BurdenShift.Core.Data.Seeding;

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Loads what the engine needs for an as-of date and hands back the computed figures. Each
/// method issues a fixed number of SQL commands whatever the number of areas or observations
/// (the overview: three), and only rows dated on or before the as-of date count, so any past
/// date replays exactly what the data said then.
/// </summary>
public sealed class DashboardService(IDbContextFactory<BurdenShiftDbContext> dbFactory)
{
    /// <summary>
    /// The same service reading the published record as it stood at <paramref name="knownAt"/>
    /// (docs/methodology.md, "Knowledge time"): every figure, list and page computed from the rows'
    /// recorded versions at that moment, by the same queries.
    /// </summary>
    public DashboardService KnownAt(DateTimeOffset knownAt) => new(new KnownAtContextFactory(dbFactory, knownAt));

    /// <summary>The rows behind these figures, a page at a time or streamed, from the same record (and knowledge time).</summary>
    public RowPages Rows => new(dbFactory);

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
        if (depth == HistoryDepth.Chart)
        {
            return await ExtendToChartAsync(await GetOverviewAsync(asOf, HistoryDepth.TrendWindow, ct), ct);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await DashboardQueries.AreaHeads(db, asOf).ToListAsync(ct);
        // Thin rows: the Europe-share points the engine needs and the latest row of each area
        // (which may give only a US share). Its note and source came with the areas.
        // For charts (HistoryDepth.Chart) the figures come from the trend windows and each area adds
        // what lies before its window, bounded (HistoryReads.EuropeBeforeAsync).
        var rows = await SeriesWindows.SharesAsync(db, areas, asOf, depth == HistoryDepth.Full, ct);
        var milestones = await DashboardQueries.Milestones(db).ToListAsync(ct);
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
                : EuropeSeries(byArea[a.Id]));
        var summaries = areas.Select(a =>
        {
            var latest = a.Basis == ShareBasisKind.Derived
                ? derived[a.Key].Latest
                : a.Latest.Citation is { } cite && byArea[a.Id].FirstOrDefault(r => r.Id == cite.Id) is { } row
                    ? row.ToLatest(cite)
                    : null;
            return Summarise(a.Facts, latest, history[a.Key], milestones, asOf, a.Basis, derived[a.Key]);
        }).ToList();

        var illustrative = areas.Count > 0 && areas[0].Facts.Illustrative;
        var index = HandoverIndex.Build(areas.Select(a => new WeightedSeries(a.Key, a.Weight.Normalize(), history[a.Key])), asOf);
        var snapshot = SeriesSnapshot.Take(index.Points, asOf, SeriesKind.Share, IndicatorDirection.Up);
        var indexRange = SeriesRange.Take(index.Points, asOf, SeriesKind.Share, IndicatorDirection.Up);
        List<IndexResult> indexResults =
        [
            .. new[] { StandardData.Target2027, StandardData.Target2030 }.Select(t =>
            {
                var deadline = PartialDate.Parse(t.Deadline).Date;
                var target = new SeriesTarget(t.Value, deadline);
                var d = snapshot.DistanceTo(target);
                return new IndexResult(t.Key, t.Label, deadline, t.Value, asOf, illustrative, index.Included, index.LeftOut,
                    d.Current, d.CurrentDate, snapshot.TrendPerYear, d.Gap, d.RequiredPerYear, d.Projected, d.Eta, d.YearsLate,
                    d.Status, d.Confidence, RangeResult.Of(indexRange?.DistanceTo(target)));
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

    /// <summary>
    /// The overview at <see cref="HistoryDepth.Chart"/> from the one at <see cref="HistoryDepth.TrendWindow"/>
    /// (<paramref name="trend"/>, usually cached), reading only what lies before its windows (<see cref="ChartDepth"/>).
    /// </summary>
    public Task<DashboardOverview> ExtendToChartAsync(DashboardOverview trend, CancellationToken ct = default) =>
        ChartDepth.ExtendAsync(dbFactory, trend, ct);

    /// <summary>
    /// One area with its figures, its newest <see cref="HistoryReads.LatestRows"/> assessments and
    /// indicator observations (newest first), bounded charts of its whole history, the sources
    /// cited and its milestones; null for an unknown key. The figures come from the trend windows,
    /// as the overview's do; nothing here reads all of a long history into memory
    /// (docs/decisions/0012). Pages of older rows: <see cref="RowPages.ReadAssessmentsAsync"/>.
    /// </summary>
    public async Task<AreaDetail?> GetAreaAsync(string key, DateOnly asOf, CancellationToken ct = default)
    {
        if (!Inputs.InputRules.IsPlausibleKey(key))
        {
            return null; // unknown, without asking the database (PostgreSQL refuses a NUL in a parameter)
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await DashboardQueries.AreaHeads(db, asOf, key).FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var text = await db.Areas.AsNoTracking().Where(a => a.Id == head.Id)
            .Select(a => new { a.Description, a.ShareBasis }).FirstAsync(ct);
        var window = await SeriesWindows.SharesAsync(db, [head], asOf, full: false, ct);
        var newest = (await RowQueries.NewestAssessments(db, head.Id, asOf, 0, HistoryReads.LatestRows).ToListAsync(ct)).Select(RowQueries.Normalised).ToList();
        var shareHistory = await HistoryReads.ShareHistoryAsync(db, head.Id, asOf, ct);

        // The area's indicators and those its count pairs count, which may belong to another area.
        List<int> paired = [.. head.Pairs.SelectMany(p => new[] { p.EuropeId, p.UsId }).Distinct()];
        var indicatorHeads = await DashboardQueries.IndicatorHeads(db, asOf, head.Id, paired).ToListAsync(ct);
        var indicatorWindows = (await SeriesWindows.ObservationsAsync(
            db, [.. indicatorHeads.Select(i => (i.Facts.Id, i.LatestDate))], asOf, full: false, ct)).ToLookup(p => p.IndicatorId);
        var newestObservations = new Dictionary<int, List<ObservationRow>>();
        var indicatorHistories = new Dictionary<string, SeriesHistory>(StringComparer.Ordinal);
        foreach (var i in indicatorHeads)
        {
            newestObservations[i.Facts.Id] = await RowQueries.NewestObservations(db, i.Facts.Id, asOf, 0, HistoryReads.LatestRows).ToListAsync(ct);
            indicatorHistories[i.Facts.Key] = await HistoryReads.ObservationHistoryAsync(db, i.Facts.Id, i.Facts.Name, asOf, ct);
        }

        // The counts its pairs need, read as the overview reads them (the window of three years back
        // from the area's latest count), so that both show the same figures; and, for the chart,
        // what lies before that window, bounded (docs/decisions/0016).
        var derivation = AreaDerivation.None;
        IReadOnlyList<SeriesPoint> derivedHistory = [];
        if (head.Pairs.Count > 0)
        {
            var starts = Derivations.WindowStarts([head.Pairs]);
            var derivations = new Derivations(await SeriesWindows.CountsAsync(db, starts, asOf, full: false, ct));
            derivation = derivations.For(head.Pairs, asOf, windowed: true);
            derivedHistory = derivations.WholeSeries(head.Pairs, await CountsBeforeAsync(db, starts, ct), asOf);
        }

        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.AreaId == head.Id || m.AreaId == null)
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
        var europePoints = window.Where(r => r.EuropeShare is not null)
            .Select(r => r.EuropePoint)
            .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder);
        var latest = head.Latest.Citation is { } cite && window.FirstOrDefault(r => r.Id == cite.Id) is { } row
            ? row.ToLatest(cite)
            : null;
        var summary = head.Basis == ShareBasisKind.Derived
            ? Summarise(head.Facts, derivation.Latest, derivation.Series, facts, asOf, head.Basis, derivation)
            : Summarise(head.Facts, latest, europePoints, facts, asOf, head.Basis, derivation);

        var indicators = indicatorHeads.Select(i =>
        {
            var points = indicatorWindows[i.Facts.Id].ToList();
            var latestValue = i.Latest.Citation is { } c && points.FirstOrDefault(p => p.Point.EntryOrder == c.Id) is { } p
                ? new LatestValue(p.Point.Date, p.Precision, p.Point.Value, p.Point.Confidence, c.Source, c.Note, p.Point.Low, p.Point.High)
                : null;
            return SummariseIndicator(i.Facts, latestValue, points.Select(p => p.Point), facts, asOf, newestObservations[i.Facts.Id]);
        }).ToList();

        return new AreaDetail(
            summary.Key, summary.Name, asOf, summary.Illustrative, summary.Latest, summary.TrendPerYear, summary.Targets,
            summary.ShareBasis, summary.Derivation, summary.DerivedShare,
            text.Description, text.ShareBasis,
            newest,
            indicators,
            [.. milestones.Select(m => new MilestoneRow(m.Id, m.Area, m.Title, m.Due, m.DuePrecision, m.Status, m.CompletedOn,
                new MilestoneFacts(m.Due, m.Status, m.CompletedOn).IsOverdueAsOf(asOf), m.Source, m.Note))],
            shareHistory,
            indicatorHistories,
            derivedHistory)
        { Snapshot = summary.Snapshot, Id = summary.Id };
    }


    /// <summary>
    /// Each count indicator's rows dated before its window start (<paramref name="starts"/>),
    /// bounded (<see cref="HistoryReads.ObservationsBeforeAsync"/>). At most two SQL commands per indicator.
    /// </summary>
    private static async Task<Dictionary<int, List<SeriesPoint>>> CountsBeforeAsync(
        BurdenShiftDbContext db, Dictionary<int, DateOnly> starts, CancellationToken ct)
    {
        var before = new Dictionary<int, List<SeriesPoint>>(starts.Count);
        foreach (var (indicatorId, start) in starts)
        {
            before[indicatorId] = await HistoryReads.ObservationsBeforeAsync(db, indicatorId, start, ct);
        }

        return before;
    }

    /// <summary>Every indicator with its latest value and its distance to each of its targets. Three SQL commands.</summary>
    public async Task<IReadOnlyList<IndicatorSummary>> GetIndicatorsAsync(DateOnly asOf, CancellationToken ct = default) =>
        (await GetIndicatorOverviewAsync(asOf, ct)).Indicators;

    /// <summary>The indicators and their trend windows, from one load of three SQL commands.</summary>
    public Task<IndicatorOverview> GetIndicatorOverviewAsync(DateOnly asOf, CancellationToken ct = default) =>
        GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow, ct);

    /// <summary>
    /// The indicators and their histories (every observation for <see cref="HistoryDepth.Full"/>),
    /// from three SQL commands; at <see cref="HistoryDepth.Chart"/> the trend-window overview
    /// extended by <see cref="ExtendIndicatorsToChartAsync"/>.
    /// </summary>
    public async Task<IndicatorOverview> GetIndicatorOverviewAsync(DateOnly asOf, HistoryDepth depth, CancellationToken ct = default)
    {
        if (depth == HistoryDepth.Chart)
        {
            return await ExtendIndicatorsToChartAsync(await GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow, ct), asOf, ct: ct);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicators = await DashboardQueries.IndicatorHeads(db, asOf).ToListAsync(ct);
        var points = await SeriesWindows.ObservationsAsync(
            db, [.. indicators.Select(i => (i.Facts.Id, i.LatestDate))], asOf, depth == HistoryDepth.Full, ct);
        var milestones = await DashboardQueries.Milestones(db).ToListAsync(ct);

        var byIndicator = points.ToLookup(p => p.IndicatorId);
        // In date and entry order: the order the engine reads in one pass (and the charts draw).
        var history = indicators.ToDictionary(
            i => i.Facts.Key,
            i => (IReadOnlyList<SeriesPoint>)[.. byIndicator[i.Facts.Id].Select(p => p.Point with { Value = p.Point.Value.Normalize() })
                .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)]);
        var summaries = indicators.Select(i =>
        {
            var latest = i.Latest.Citation is { } cite && byIndicator[i.Facts.Id].FirstOrDefault(p => p.Point.EntryOrder == cite.Id) is { } row
                ? new LatestValue(row.Point.Date, row.Precision, row.Point.Value, row.Point.Confidence, cite.Source, cite.Note, row.Point.Low, row.Point.High)
                : null;
            return SummariseIndicator(i.Facts, latest, history[i.Facts.Key], milestones, asOf, withObservations: null);
        }).ToList();
        return new IndicatorOverview(summaries, history);
    }

    /// <summary>
    /// The indicators at <see cref="HistoryDepth.Chart"/> from those at <see cref="HistoryDepth.TrendWindow"/>
    /// (<paramref name="trend"/>, usually cached): its figures and windows as they are, and before each
    /// window every row up to 2,000, beyond that each month end's row
    /// (<see cref="HistoryReads.ObservationsBeforeAsync"/>). One command for the indicators and at
    /// most two an indicator; the dense windows are not read a second time. With
    /// <paramref name="only"/>, only that indicator's history is extended (a chart of one
    /// indicator reads no other's months); the others keep their windows.
    /// </summary>
    public async Task<IndicatorOverview> ExtendIndicatorsToChartAsync(IndicatorOverview trend, DateOnly asOf, string? only = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicators = await DashboardQueries.IndicatorHeads(db, asOf).ToListAsync(ct);
        var history = new Dictionary<string, IReadOnlyList<SeriesPoint>>(indicators.Count);
        foreach (var i in indicators)
        {
            var window = trend.History.GetValueOrDefault(i.Facts.Key, []);
            if (i.LatestDate is not { } latestDate || (only is not null && only != i.Facts.Key))
            {
                history[i.Facts.Key] = window;
                continue;
            }

            var read = window.Select(p => p.EntryOrder).ToHashSet();
            history[i.Facts.Key] = [.. (await HistoryReads.ObservationsBeforeAsync(db, i.Facts.Id, SeriesWindows.StartOf(latestDate), ct))
                .Where(p => !read.Contains(p.EntryOrder))
                .Concat(window)
                .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)];
        }

        return trend with { History = history };
    }

    /// <summary>
    /// An area's Europe-share points in date and entry order, in one array of the exact size: at a
    /// million rows a window holds about 21,000 points, and LINQ's ordering buffered several
    /// copies of it as large-object arrays, which only a full collection frees. Entry orders are
    /// row ids, unique, so the order is the one OrderBy(Date).ThenBy(EntryOrder) gives.
    /// </summary>
    private static SeriesPoint[] EuropeSeries(IEnumerable<AssessmentPoint> rows)
    {
        var points = rows.Where(r => r.EuropeShare is not null).Select(r => r.EuropePoint).ToArray();
        Array.Sort(points, static (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.EntryOrder.CompareTo(b.EntryOrder));
        return points;
    }

    private static AreaSummary Summarise(
        AreaFacts area, LatestShare? latestShare, IEnumerable<SeriesPoint> europePoints, IReadOnlyList<MilestoneData> milestones, DateOnly asOf,
        ShareBasisKind basis, AreaDerivation derivation)
    {
        var points = europePoints.ToList();
        var snapshot = SeriesSnapshot.Take(points, asOf, SeriesKind.Share, IndicatorDirection.Up);
        var range = SeriesRange.Take(points, asOf, SeriesKind.Share, IndicatorDirection.Up);
        var relevant = milestones.Where(m => m.AreaId == area.Id || m.AreaId is null).Select(m => m.Facts).ToList();
        return new AreaSummary(area.Key, area.Name, asOf, area.Illustrative, latestShare, snapshot.TrendPerYear,
            [.. area.Targets.Select(t => Measure(snapshot, range, t, relevant, asOf))], basis, derivation.Pairs, derivation.Figure)
        { Snapshot = snapshot, Id = area.Id };
    }

    private static IndicatorSummary SummariseIndicator(
        IndicatorFacts i, LatestValue? latestValue, IEnumerable<SeriesPoint> points, IReadOnlyList<MilestoneData> milestones, DateOnly asOf,
        List<ObservationRow>? withObservations)
    {
        var list = points.ToList();
        var snapshot = SeriesSnapshot.Take(list, asOf, SeriesKind.Indicator, i.Direction);
        var range = SeriesRange.Take(list, asOf, SeriesKind.Indicator, i.Direction);
        var relevant = milestones.Where(m => i.AreaId is null || m.AreaId == i.AreaId || m.AreaId is null).Select(m => m.Facts).ToList();
        var latest = latestValue is { } l ? l with { Value = l.Value.Normalize(), Low = l.Low.Normalize(), High = l.High.Normalize() } : null;
        var observations = withObservations?.Select(RowQueries.Normalised).ToList();
        return new IndicatorSummary(i.Key, i.Name, i.Unit, i.Direction, i.AreaKey, asOf, i.Illustrative, latest, snapshot.TrendPerYear,
            [.. i.Targets.Select(t => Measure(snapshot, range, t, relevant, asOf))], observations)
        { Snapshot = snapshot };
    }

    private static TargetResult Measure(
        SeriesSnapshot snapshot, SeriesRange? range, TargetData t, IReadOnlyList<MilestoneFacts> milestones, DateOnly asOf)
    {
        var value = t.Value.Normalize();
        var target = new SeriesTarget(value, t.Deadline);
        var d = snapshot.DistanceTo(target);
        return new TargetResult(t.Key, t.Label, t.Deadline, value, t.Rationale, t.Source,
            d.Current, d.CurrentDate, d.Gap, d.RequiredPerYear, d.Projected, d.Eta, d.YearsLate, d.Status, d.Confidence,
            MilestoneRollup.Of(milestones, t.Deadline, asOf), RangeResult.Of(range?.DistanceTo(target)))
        { Id = t.Id };
    }
}
