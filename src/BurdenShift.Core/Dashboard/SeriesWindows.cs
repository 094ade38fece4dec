using BurdenShift.Core.Data.DayPoints;

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Reads, in one command, only the rows the engine needs of each series (docs/methodology.md):
/// the trend window (three years back from the series' own latest date), the last date before
/// it (the value each area carries into the handover index's window), the latest row, and for
/// indicators the earliest date (the at-risk baseline); of each date only the row entered last,
/// which supersedes the others of its date in every figure (rule 1). Those come from the tables of
/// each date's last live row that the database's triggers keep (docs/decisions/0024), so a window
/// costs its dates, not the rows of its dates; read at a knowledge time, from the rows as they
/// stood. The bounds come from the latest dates the first command read, computed here in C#, so
/// they are exact on both providers (SQLite and PostgreSQL disagree on 29 February minus three
/// years) and nothing needs filtering after. Each is a UNION ALL branch that an index answers with
/// a range or a point lookup.
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
        if (full)
        {
            return await db.ShareAssessments.AsNoTracking().Where(s => s.AsOf <= asOf)
                .Select(s => new AssessmentPoint(s.AreaId, s.Id, s.AsOf, s.AsOfPrecision, s.EuropeShare, s.UsShare, s.Confidence,
                    s.EuropeLow, s.EuropeHigh, s.UsLow, s.UsHigh))
                .ToListAsync(ct);
        }

        IQueryable<WindowShare>? rows = null;
        foreach (var area in areas)
        {
            // Locals per area: EF sends each as its own parameter.
            var id = area.Id;
            var latestId = area.Latest.Id ?? -1;
            // Separate branches, not one OR, so that each is a range or point lookup on an index.
            var part = Rows(db.ShareAssessments.Where(s => s.Id == latestId));
            if (area.LatestEuropeDate is { } latest)
            {
                var start = StartOf(latest);
                part = part.Concat(db.ReadsKnownAt ? KnownAtShares(db, id, start, asOf) : ShareDays(db, id, start, asOf));
            }

            rows = rows is null ? part : rows.Concat(part);
        }

        if (rows is null)
        {
            return [];
        }

        // The latest row is also in its window when it gives a Europe share: one copy of each row.
        // Only a latest row can come twice (the other branches are disjoint ranges of dates), so
        // only those are tracked, not a set of every id.
        var latestIds = areas.Where(a => a.Latest.Id is not null).Select(a => a.Latest.Id!.Value).ToHashSet();
        var seen = new HashSet<long>();
        return [.. (await rows.AsNoTracking().ToListAsync(ct))
            .Where(r => !latestIds.Contains(r.Id) || seen.Add(r.Id))
            .Select(r => new AssessmentPoint(r.AreaId, r.Id, r.AsOf, r.Precision, r.EuropeShare, r.UsShare, r.Confidence,
                r.EuropeLow, r.EuropeHigh, r.UsLow, r.UsHigh))];
    }

    // The window's days and the last day before it, from the table of each date's last row the
    // database keeps (docs/decisions/0024): one index range of at most about 1,100 dates, and one
    // seek, whatever the rows of a date.
    private static IQueryable<WindowShare> ShareDays(BurdenShiftDbContext db, int id, DateOnly start, DateOnly asOf) =>
        Rows(db.Set<ShareDay>().Where(d => d.AreaId == id && d.AsOf >= start && d.AsOf <= asOf))
            .Concat(Rows(db.Set<ShareDay>().Where(d => d.AreaId == id && (DateOnly?)d.AsOf == db.Set<ShareDay>()
                .Where(t => t.AreaId == id && t.AsOf < start).OrderByDescending(t => t.AsOf).Select(t => (DateOnly?)t.AsOf).FirstOrDefault())));

    // The same from the rows as they stood at a knowledge time (the day table holds only the latest
    // record): of each date the row entered last (the largest id), picked walking the live rows'
    // index in date order (TrendWindowTests compares the figures with every row's).
    private static IQueryable<WindowShare> KnownAtShares(BurdenShiftDbContext db, int id, DateOnly start, DateOnly asOf) =>
        Rows(db.ShareAssessments.Where(s => db.ShareAssessments
                .Where(t => t.AreaId == id && t.AsOf >= start && t.AsOf <= asOf && t.EuropeShare != null)
                .GroupBy(t => t.AsOf).Select(g => g.Max(t => t.Id)).Contains(s.Id))
            .Concat(db.ShareAssessments.Where(s => s.Id == db.ShareAssessments
                .Where(t => t.AreaId == id && t.EuropeShare != null && t.AsOf < start)
                .OrderByDescending(t => t.AsOf).ThenByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault())));

    private static IQueryable<WindowShare> Rows(IQueryable<ShareAssessment> rows) => rows.Select(s => new WindowShare
    {
        AreaId = s.AreaId,
        Id = s.Id,
        AsOf = s.AsOf,
        Precision = s.AsOfPrecision,
        EuropeShare = s.EuropeShare,
        UsShare = s.UsShare,
        Confidence = s.Confidence,
        EuropeLow = s.EuropeLow,
        EuropeHigh = s.EuropeHigh,
        UsLow = s.UsLow,
        UsHigh = s.UsHigh,
    });

    private static IQueryable<WindowShare> Rows(IQueryable<ShareDay> days) => days.Select(d => new WindowShare
    {
        AreaId = d.AreaId,
        Id = d.RowId,
        AsOf = d.AsOf,
        Precision = d.AsOfPrecision,
        EuropeShare = d.EuropeShare,
        UsShare = d.UsShare,
        Confidence = d.Confidence,
        EuropeLow = d.EuropeLow,
        EuropeHigh = d.EuropeHigh,
        UsLow = d.UsLow,
        UsHigh = d.UsHigh,
    });

    /// <summary>Each indicator's window, the last date before it and its earliest date (see the class), or with <paramref name="full"/> every observation.</summary>
    public static async Task<List<ObservationPoint>> ObservationsAsync(
        BurdenShiftDbContext db, IReadOnlyList<(int Id, DateOnly? Latest)> indicators, DateOnly asOf, bool full, CancellationToken ct)
    {
        IQueryable<WindowObservation>? rows = null;
        if (full)
        {
            rows = Rows(db.IndicatorObservations.Where(o => o.AsOf <= asOf));
        }
        else
        {
            foreach (var (indicatorId, latestDate) in indicators)
            {
                if (latestDate is not { } latest)
                {
                    continue;
                }

                var part = db.ReadsKnownAt
                    ? KnownAtObservations(db, indicatorId, StartOf(latest), asOf)
                    : ObservationDays(db, indicatorId, StartOf(latest), asOf);
                rows = rows is null ? part : rows.Concat(part);
            }
        }

        // The earliest date may be the one before the window: one copy of each row.
        return rows is null
            ? []
            : [.. (await rows.AsNoTracking().ToListAsync(ct)).DistinctBy(o => o.Id)
                .Select(o => new ObservationPoint(o.IndicatorId, new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence, o.Low, o.High), o.Precision))];
    }

    // The window's days, the last day before it and the earliest day (the at-risk baseline), from the
    // table of each date's last row (as ShareDays above).
    private static IQueryable<WindowObservation> ObservationDays(BurdenShiftDbContext db, int id, DateOnly start, DateOnly asOf)
    {
        var days = db.Set<ObservationDay>();
        return Rows(days.Where(d => d.IndicatorId == id && d.AsOf >= start && d.AsOf <= asOf))
            .Concat(Rows(days.Where(d => d.IndicatorId == id && (DateOnly?)d.AsOf == days
                .Where(t => t.IndicatorId == id && t.AsOf < start).OrderByDescending(t => t.AsOf).Select(t => (DateOnly?)t.AsOf).FirstOrDefault())))
            .Concat(Rows(days.Where(d => d.IndicatorId == id && (DateOnly?)d.AsOf == days
                .Where(t => t.IndicatorId == id && t.AsOf < start).OrderBy(t => t.AsOf).Select(t => (DateOnly?)t.AsOf).FirstOrDefault())));
    }

    // The same from the rows as they stood at a knowledge time, as KnownAtShares.
    private static IQueryable<WindowObservation> KnownAtObservations(BurdenShiftDbContext db, int id, DateOnly start, DateOnly asOf) =>
        Rows(db.IndicatorObservations.Where(o => db.IndicatorObservations
                .Where(t => t.IndicatorId == id && t.AsOf >= start && t.AsOf <= asOf)
                .GroupBy(t => t.AsOf).Select(g => g.Max(t => t.Id)).Contains(o.Id))
            .Concat(db.IndicatorObservations.Where(o => o.Id == db.IndicatorObservations
                .Where(t => t.IndicatorId == id && t.AsOf < start)
                .OrderByDescending(t => t.AsOf).ThenByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault()))
            // The earliest date (the baseline): when it is not in the window it is the earliest before it.
            .Concat(db.IndicatorObservations.Where(o => o.Id == db.IndicatorObservations
                .Where(t => t.IndicatorId == id && (DateOnly?)t.AsOf == db.IndicatorObservations
                    .Where(u => u.IndicatorId == id && u.AsOf < start).OrderBy(u => u.AsOf).Select(u => (DateOnly?)u.AsOf).FirstOrDefault())
                .OrderByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault())));

    private static IQueryable<WindowObservation> Rows(IQueryable<IndicatorObservation> rows) => rows.Select(o => new WindowObservation
    {
        IndicatorId = o.IndicatorId,
        Id = o.Id,
        AsOf = o.AsOf,
        Precision = o.AsOfPrecision,
        Value = o.Value,
        Confidence = o.Confidence,
        Low = o.Low,
        High = o.High,
    });

    private static IQueryable<WindowObservation> Rows(IQueryable<ObservationDay> days) => days.Select(d => new WindowObservation
    {
        IndicatorId = d.IndicatorId,
        Id = d.RowId,
        AsOf = d.AsOf,
        Precision = d.AsOfPrecision,
        Value = d.Value,
        Confidence = d.Confidence,
        Low = d.Low,
        High = d.High,
    });

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

    // A row of a window as read from the figures or from the day table. Classes with initialisers,
    // not records: EF translates a UNION ALL of member initialisations, not of constructor calls.
    private sealed class WindowShare
    {
        public int AreaId { get; init; }

        public long Id { get; init; }

        public DateOnly AsOf { get; init; }

        public DatePrecision Precision { get; init; }

        public decimal? EuropeShare { get; init; }

        public decimal? UsShare { get; init; }

        public Confidence Confidence { get; init; }

        public decimal? EuropeLow { get; init; }

        public decimal? EuropeHigh { get; init; }

        public decimal? UsLow { get; init; }

        public decimal? UsHigh { get; init; }
    }

    private sealed class WindowObservation
    {
        public int IndicatorId { get; init; }

        public long Id { get; init; }

        public DateOnly AsOf { get; init; }

        public DatePrecision Precision { get; init; }

        public decimal Value { get; init; }

        public Confidence Confidence { get; init; }

        public decimal? Low { get; init; }

        public decimal? High { get; init; }
    }
}
