namespace BurdenShift.Core.Dashboard;

/// <summary>
/// The overview at <see cref="HistoryDepth.Chart"/>, built on the overview at
/// <see cref="HistoryDepth.TrendWindow"/> that is already computed (and, in the app, cached): its
/// figures and windows are reused as they are, and only what lies before each window is read,
/// bounded (<see cref="HistoryReads.EuropeBeforeAsync"/>). Reading the windows a second time was
/// what raised the app's peak memory at a million share rows by a fifth (bench <c>scale</c>, the
/// first briefing pack): no request holds two copies of the dense windows any more.
/// </summary>
internal static class ChartDepth
{
    /// <summary>
    /// <paramref name="trend"/> with <see cref="DashboardOverview.History"/> and
    /// <see cref="DashboardOverview.IndexHistory"/> reaching back over the whole history. The
    /// figures are those of <paramref name="trend"/>. One SQL command for the areas, two per area
    /// for what lies before its window, and for derived areas (docs/decisions/0016) one for their
    /// counts and two per count indicator.
    /// </summary>
    public static async Task<DashboardOverview> ExtendAsync(
        IDbContextFactory<BurdenShiftDbContext> dbFactory, DashboardOverview trend, CancellationToken ct = default)
    {
        var asOf = trend.AsOf;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await DashboardQueries.AreaHeads(db, asOf).ToListAsync(ct);
        var fullHistory = new Dictionary<string, IReadOnlyList<SeriesPoint>>(areas.Count);

        // A derived area's whole series comes from its counts: the windows as the overview reads them, and those before, bounded.
        var derivedAreas = areas.Where(a => a.Basis == ShareBasisKind.Derived).ToList();
        if (derivedAreas.Count > 0)
        {
            var derivations = new Derivations(await SeriesWindows.CountsAsync(
                db, Derivations.WindowStarts(areas.Select(a => a.Pairs)), asOf, full: false, ct));
            var starts = Derivations.WindowStarts(derivedAreas.Select(a => a.Pairs));
            var countsBefore = new Dictionary<int, List<SeriesPoint>>(starts.Count);
            foreach (var (indicatorId, start) in starts)
            {
                countsBefore[indicatorId] = await HistoryReads.ObservationsBeforeAsync(db, indicatorId, start, ct);
            }

            foreach (var a in derivedAreas)
            {
                fullHistory[a.Key] = derivations.WholeSeries(a.Pairs, countsBefore, asOf);
            }
        }

        foreach (var a in areas.Where(a => a.Basis != ShareBasisKind.Derived))
        {
            var window = trend.History.GetValueOrDefault(a.Key, []);
            var inWindow = window.Select(w => w.EntryOrder).ToHashSet();
            var before = window.Count == 0 || a.LatestEuropeDate is not { } latestDate
                ? []
                : (await HistoryReads.EuropeBeforeAsync(db, a.Id, SeriesWindows.StartOf(latestDate), ct))
                    .Where(p => !inWindow.Contains(p.EntryOrder)).ToList();
            fullHistory[a.Key] = [.. before.OrderBy(p => p.Date).ThenBy(p => p.EntryOrder), .. window];
        }

        // Before the index's own window, an index of the whole (bounded) histories; the window itself
        // is the trend overview's, which is exact. The index on a date depends only on the points up
        // to it, so only the points before the window are replayed: bounded, unlike the windows.
        IReadOnlyList<SeriesPoint> indexHistory = trend.IndexHistory;
        if (SeriesSnapshot.Take(trend.IndexHistory, asOf, SeriesKind.Share, IndicatorDirection.Up).Current is { } current)
        {
            var start = SeriesWindows.StartOf(current.Date);
            var indexBefore = HandoverIndex.Build(
                areas.Select(a => new WeightedSeries(a.Key, a.Weight.Normalize(),
                    [.. fullHistory.GetValueOrDefault(a.Key, []).Where(p => p.Date < start)])), asOf).Points;
            indexHistory = [.. indexBefore, .. trend.IndexHistory.Where(p => p.Date >= start)];
        }

        return trend with { History = fullHistory, IndexHistory = indexHistory };
    }
}
