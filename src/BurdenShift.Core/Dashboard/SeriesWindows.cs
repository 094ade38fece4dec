namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Reads, in one command, only the rows the engine needs of each series (docs/methodology.md):
/// the trend window (three years back from the series' own latest date), the last date before
/// it (the value each area carries into the handover index's window), the latest row, and for
/// indicators the earliest date (the at-risk baseline); of each date only the row entered last,
/// which supersedes the others of its date in every figure (rule 1). The bounds come from the latest dates
/// the first command read, computed here in C#, so they are exact on both providers (SQLite and
/// PostgreSQL disagree on 29 February minus three years) and nothing needs filtering after.
/// Each is a UNION ALL branch that the (series, AsOf) index answers with a range or a point lookup.
/// </summary>
internal static class SeriesWindows
{
    /// <summary>First date of the trend window of a series whose latest observation is dated <paramref name="latest"/>.</summary>
    public static DateOnly StartOf(DateOnly latest) => latest.AddYears(-3); // as SeriesSnapshot: 29 February becomes 28 February

    /// <summary>
    /// Each area's Europe-share window (see the class) and its latest row, which may give only a
    /// US share. With <paramref name="full"/>, every row dated on or before the date instead.
    /// </summary>
    public static async Task<List<AssessmentPoint>> SharesAsync(
        BurdenShiftDbContext db, IReadOnlyList<AreaHead> areas, DateOnly asOf, bool full, CancellationToken ct)
    {
        IQueryable<ShareAssessment>? rows = null;
        if (full)
        {
            rows = db.ShareAssessments.Where(s => s.AsOf <= asOf);
        }
        else
        {
            foreach (var area in areas)
            {
                // Locals per area: EF sends each as its own parameter.
                var id = area.Id;
                var latestId = area.Latest.Id ?? -1;
                // Separate branches, not one OR, so that each is a range or point lookup on the index.
                var part = db.ShareAssessments.Where(s => s.Id == latestId);
                if (area.LatestEuropeDate is { } latest)
                {
                    var start = StartOf(latest);
                    // Of each date only the row entered last (the largest id): it supersedes the others
                    // of its date in every figure (methodology rule 1, "one point per date"; the index
                    // carries each area's last word of a date). The database picks them walking the
                    // index in date order; at a million rows that is about 1,100 rows a window instead
                    // of 21,000, the same figures (TrendWindowTests compares them with every row's).
                    part = part
                        .Concat(db.ShareAssessments.Where(s => db.ShareAssessments
                            .Where(t => t.AreaId == id && t.AsOf >= start && t.AsOf <= asOf && t.EuropeShare != null)
                            .GroupBy(t => t.AsOf).Select(g => g.Max(t => t.Id)).Contains(s.Id)))
                        .Concat(db.ShareAssessments.Where(s => s.Id == db.ShareAssessments
                            .Where(t => t.AreaId == id && t.EuropeShare != null && t.AsOf < start)
                            .OrderByDescending(t => t.AsOf).ThenByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault()));
                }

                rows = rows is null ? part : rows.Concat(part);
            }
        }

        if (rows is null)
        {
            return [];
        }

        var read = await rows.AsNoTracking()
            .Select(s => new AssessmentPoint(s.AreaId, s.Id, s.AsOf, s.AsOfPrecision, s.EuropeShare, s.UsShare, s.Confidence,
                s.EuropeLow, s.EuropeHigh, s.UsLow, s.UsHigh))
            .ToListAsync(ct);
        if (full)
        {
            return read;
        }

        // The latest row is also in its window when it gives a Europe share: one copy of each row.
        // Only a latest row can come twice (the other branches are disjoint ranges of dates), so
        // only those are tracked, not a set of every id (at a million rows, 150,000 of them).
        var latestIds = areas.Where(a => a.Latest.Id is not null).Select(a => a.Latest.Id!.Value).ToHashSet();
        var seen = new HashSet<long>();
        read.RemoveAll(r => latestIds.Contains(r.Id) && !seen.Add(r.Id));
        return read;
    }

    /// <summary>Each indicator's window, the last date before it and its earliest date (see the class), or with <paramref name="full"/> every observation.</summary>
    public static async Task<List<ObservationPoint>> ObservationsAsync(
        BurdenShiftDbContext db, IReadOnlyList<(int Id, DateOnly? Latest)> indicators, DateOnly asOf, bool full, CancellationToken ct)
    {
        IQueryable<IndicatorObservation>? rows = null;
        if (full)
        {
            rows = db.IndicatorObservations.Where(o => o.AsOf <= asOf);
        }
        else
        {
            foreach (var (indicatorId, latestDate) in indicators)
            {
                if (latestDate is not { } latest)
                {
                    continue;
                }

                var id = indicatorId;
                var start = StartOf(latest);
                // Of each date only the row entered last, as for the shares above.
                var part = db.IndicatorObservations.Where(o => db.IndicatorObservations
                        .Where(t => t.IndicatorId == id && t.AsOf >= start && t.AsOf <= asOf)
                        .GroupBy(t => t.AsOf).Select(g => g.Max(t => t.Id)).Contains(o.Id))
                    .Concat(db.IndicatorObservations.Where(o => o.Id == db.IndicatorObservations
                        .Where(t => t.IndicatorId == id && t.AsOf < start)
                        .OrderByDescending(t => t.AsOf).ThenByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault()))
                    // The earliest date (the baseline): when it is not in the window it is the earliest before it.
                    .Concat(db.IndicatorObservations.Where(o => o.Id == db.IndicatorObservations
                        .Where(t => t.IndicatorId == id && (DateOnly?)t.AsOf == db.IndicatorObservations
                            .Where(u => u.IndicatorId == id && u.AsOf < start).OrderBy(u => u.AsOf).Select(u => (DateOnly?)u.AsOf).FirstOrDefault())
                        .OrderByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault()));
                rows = rows is null ? part : rows.Concat(part);
            }
        }

        // The earliest date may be the one before the window: one copy of each row.
        return rows is null
            ? []
            : [.. (await rows.AsNoTracking()
                .Select(o => new ObservationPoint(o.IndicatorId, new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence, o.Low, o.High), o.AsOfPrecision))
                .ToListAsync(ct)).DistinctBy(o => o.Point.EntryOrder)];
    }

    /// <summary>
    /// The fourth command of the overview: what the count pairs need and the headline statements.
    /// Each pair indicator gives the rows the derived series of its areas needs (the window of
    /// three years back from the area's latest count, and every row of the last date before it;
    /// with <paramref name="full"/> every row), and each headline indicator its latest row, all
    /// with their citations. <paramref name="starts"/> maps each pair indicator to the earliest
    /// window start of the areas that count it.
    /// </summary>
    public static async Task<List<CountRow>> CountsAsync(
        BurdenShiftDbContext db, IReadOnlyDictionary<int, DateOnly> starts, DateOnly asOf, bool full, CancellationToken ct)
    {
        // The latest row of each headline indicator (on a date tie, the one entered last), found from
        // the indicators: one seek backward on (IndicatorId, AsOf) each, then the row by its key.
        // Asked per observation instead, PostgreSQL ran the subquery for every observation of every
        // indicator (a sequential scan: 9.7 s at a million observations, bench scale, sixth part).
        var rows = db.IndicatorObservations.Where(o => db.Indicators.Where(i => i.Headline)
            .Select(i => db.IndicatorObservations.Where(t => t.IndicatorId == i.Id && t.AsOf <= asOf)
                .OrderByDescending(t => t.AsOf).ThenByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault())
            .Contains(o.Id));
        foreach (var (indicatorId, windowStart) in starts)
        {
            var id = indicatorId;
            var start = full ? DateOnly.MinValue : windowStart;
            rows = rows
                .Concat(db.IndicatorObservations.Where(o => o.IndicatorId == id && o.AsOf >= start && o.AsOf <= asOf))
                .Concat(db.IndicatorObservations.Where(o => o.IndicatorId == id
                    && (DateOnly?)o.AsOf == db.IndicatorObservations.Where(t => t.IndicatorId == id && t.AsOf < start)
                        .OrderByDescending(t => t.AsOf).Select(t => (DateOnly?)t.AsOf).FirstOrDefault()));
        }

        // A headline indicator may also be paired: one copy of each row.
        return [.. (await rows.AsNoTracking()
            .Select(o => new CountRow(o.IndicatorId, new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence, o.Low, o.High), o.AsOfPrecision,
                new SourceRef(o.Source!.Key, o.Source.Publisher, o.Source.Title, o.Source.Url, o.Source.Confidence), o.Note,
                o.Indicator!.Headline, o.Indicator.Key, o.Indicator.Name, o.Indicator.Unit,
                o.Indicator.Targets.OrderBy(t => t.Deadline).Select(t => (decimal?)t.Value).FirstOrDefault(),
                o.Indicator.Targets.OrderBy(t => t.Deadline).Select(t => (DateOnly?)t.Deadline).FirstOrDefault(),
                o.Indicator.Targets.OrderBy(t => t.Deadline).Select(t => t.Label).FirstOrDefault()))
            .ToListAsync(ct)).DistinctBy(r => r.Point.EntryOrder)];
    }
}
