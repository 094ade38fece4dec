using BurdenShift.Core.Data.DayPoints;
using BurdenShift.Core.Data.MonthSummaries;

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Reads a series' whole history for a chart and a table without loading it (docs/decisions/0012):
/// a chart gets every row while there are at most <see cref="ExactRows"/>, and beyond that each
/// calendar month's lowest and highest value. Dates run from 1900 to 2100 (InputRules), so that is
/// at most 2,412 months whatever the number of rows. The months and the sources (so a caption names
/// every source and the lowest confidence of the rows it summarises) come from the month summaries
/// the database's triggers keep (docs/decisions/0023). Tables read one page at a time, newest first.
/// </summary>
public static class HistoryReads
{
    /// <summary>Up to this many rows a chart draws every row; beyond, a month's range.</summary>
    public const int ExactRows = 2000;

    /// <summary>The names of an area's share lines in <see cref="SeriesHistory.Lines"/>.</summary>
    public const string EuropeLine = "Europe", UsLine = "United States";

    /// <summary>How many of the newest rows an area's page, its API answer and its first table page carry.</summary>
    public const int LatestRows = 25;

    internal static IQueryable<ShareAssessment> Shares(BurdenShiftDbContext db, int areaId, DateOnly asOf) =>
        db.ShareAssessments.AsNoTracking().Where(s => s.AreaId == areaId && s.AsOf <= asOf);

    internal static IQueryable<IndicatorObservation> Observations(BurdenShiftDbContext db, int indicatorId, DateOnly asOf) =>
        db.IndicatorObservations.AsNoTracking().Where(o => o.IndicatorId == indicatorId && o.AsOf <= asOf);

    /// <summary>The Europe and US share lines of an area and the sources its rows cite. Two or three SQL commands.</summary>
    internal static async Task<SeriesHistory> ShareHistoryAsync(BurdenShiftDbContext db, int areaId, DateOnly asOf, CancellationToken ct)
    {
        var groups = await ShareMonthsAsync(db, areaId, asOf, ct);
        var sources = await SourcesAsync([.. groups.Select(g => new SourceCount(g.SourceId, g.Confidence, g.Rows))], db, ct);
        var rows = sources.Sum(s => s.Rows);
        if (rows == 0)
        {
            return SeriesHistory.Empty;
        }

        List<DatedValue> europe = [], us = [];
        if (rows <= ExactRows)
        {
            var all = await Shares(db, areaId, asOf).OrderBy(s => s.AsOf).ThenBy(s => s.Id)
                .Select(s => new { s.AsOf, s.EuropeShare, s.UsShare, s.EuropeLow, s.EuropeHigh, s.UsLow, s.UsHigh }).ToListAsync(ct);
            europe = [.. all.Where(r => r.EuropeShare is not null)
                .Select(r => new DatedValue(r.AsOf, r.EuropeShare!.Value.Normalize(), r.EuropeLow.Normalize(), r.EuropeHigh.Normalize()))];
            us = [.. all.Where(r => r.UsShare is not null)
                .Select(r => new DatedValue(r.AsOf, r.UsShare!.Value.Normalize(), r.UsLow.Normalize(), r.UsHigh.Normalize()))];
        }
        else
        {
            // A month's groups (one per source and confidence) merged: the lowest of the lows, the highest of the highs.
            foreach (var m in groups.GroupBy(g => (g.First.Year, g.First.Month)).OrderBy(g => g.Key))
            {
                AddRange(europe, m.Min(g => g.First), Share(m.Min(g => g.EuropeMin)), Share(m.Max(g => g.EuropeMax)),
                    Share(m.Min(g => g.EuropeLowEnd)), Share(m.Max(g => g.EuropeHighEnd)));
                AddRange(us, m.Min(g => g.First), Share(m.Min(g => g.UsMin)), Share(m.Max(g => g.UsMax)),
                    Share(m.Min(g => g.UsLowEnd)), Share(m.Max(g => g.UsHighEnd)));
            }
        }

        return new SeriesHistory(rows, rows > ExactRows,
            [.. new[] { new HistoryLine(EuropeLine, europe), new HistoryLine(UsLine, us) }.Where(l => l.Points.Count > 0)],
            sources);
    }

    /// <summary>
    /// An area's rows dated on or before <paramref name="asOf"/>, by month, source and confidence:
    /// the months before as-of's month from the summaries the database keeps (docs/decisions/0023),
    /// as-of's own month grouped from its rows, in one command. The cost is the number of months,
    /// not of rows. Read at a knowledge time, the rows as they stood are grouped whole: the
    /// summaries hold only the latest record.
    /// </summary>
    /// <remarks>
    /// Shares are exact in a double (at most 7 significant digits: 0..100, 4 decimals), so the
    /// database compares them as REAL with its own MIN and MAX. As decimals, EF's SQLite provider
    /// would call back into .NET for every row (ef_min, ef_max).
    /// </remarks>
    private static Task<List<ShareGroup>> ShareMonthsAsync(BurdenShiftDbContext db, int areaId, DateOnly asOf, CancellationToken ct)
    {
        var from = db.ReadsKnownAt ? DateOnly.MinValue : new DateOnly(asOf.Year, asOf.Month, 1);
        var groups = Shares(db, areaId, asOf).Where(s => s.AsOf >= from)
            .GroupBy(s => new { s.AsOf.Year, s.AsOf.Month, s.SourceId, s.Confidence })
            .Select(g => new ShareGroup
            {
                First = g.Min(s => s.AsOf),
                SourceId = g.Key.SourceId,
                Confidence = g.Key.Confidence,
                Rows = g.Count(),
                EuropeMin = g.Min(s => (double?)s.EuropeShare),
                EuropeMax = g.Max(s => (double?)s.EuropeShare),
                UsMin = g.Min(s => (double?)s.UsShare),
                UsMax = g.Max(s => (double?)s.UsShare),
                EuropeLowEnd = g.Min(s => (double?)(s.EuropeLow ?? s.EuropeShare)),
                EuropeHighEnd = g.Max(s => (double?)(s.EuropeHigh ?? s.EuropeShare)),
                UsLowEnd = g.Min(s => (double?)(s.UsLow ?? s.UsShare)),
                UsHighEnd = g.Max(s => (double?)(s.UsHigh ?? s.UsShare)),
            });
        if (!db.ReadsKnownAt)
        {
            groups = db.Set<ShareMonth>().AsNoTracking().Where(m => m.AreaId == areaId && m.Month < from)
                .Select(m => new ShareGroup
                {
                    First = m.FirstAsOf,
                    SourceId = m.SourceId,
                    Confidence = m.Confidence,
                    Rows = m.Rows,
                    EuropeMin = m.EuropeMin,
                    EuropeMax = m.EuropeMax,
                    UsMin = m.UsMin,
                    UsMax = m.UsMax,
                    EuropeLowEnd = m.EuropeLowEnd,
                    EuropeHighEnd = m.EuropeHighEnd,
                    UsLowEnd = m.UsLowEnd,
                    UsHighEnd = m.UsHighEnd,
                })
                .Concat(groups);
        }

        return groups.ToListAsync(ct);
    }

    /// <summary>An indicator's line and the sources its observations cite. Two or three SQL commands.</summary>
    internal static async Task<SeriesHistory> ObservationHistoryAsync(
        BurdenShiftDbContext db, int indicatorId, string name, DateOnly asOf, CancellationToken ct)
    {
        var groups = await ObservationMonthsAsync(db, indicatorId, asOf, ct);
        var sources = await SourcesAsync([.. groups.Select(g => new SourceCount(g.SourceId, g.Confidence, g.Rows))], db, ct);
        var rows = sources.Sum(s => s.Rows);
        if (rows == 0)
        {
            return SeriesHistory.Empty;
        }

        List<DatedValue> points = [];
        if (rows <= ExactRows)
        {
            points = [.. (await Observations(db, indicatorId, asOf).OrderBy(o => o.AsOf).ThenBy(o => o.Id)
                .Select(o => new { o.AsOf, o.Value, o.Low, o.High }).ToListAsync(ct))
                .Select(o => new DatedValue(o.AsOf, o.Value.Normalize(), o.Low.Normalize(), o.High.Normalize()))];
        }
        else
        {
            foreach (var m in groups.GroupBy(g => (g.First.Year, g.First.Month)).OrderBy(g => g.Key))
            {
                AddRange(points, m.Min(g => g.First), ChartValue(m.Min(g => g.Low)), ChartValue(m.Max(g => g.High)),
                    ChartValue(m.Min(g => g.LowEnd)), ChartValue(m.Max(g => g.HighEnd)));
            }
        }

        return new SeriesHistory(rows, rows > ExactRows, [new HistoryLine(name, points)], sources);
    }

    /// <summary>
    /// An indicator's observations by month, source and confidence, as <see cref="ShareMonthsAsync"/>.
    /// A value of precision 24 is not exact in a double, so these make chart points, rounded to
    /// four decimals (<see cref="ChartValue"/>); figures, tables and exports show the exact values.
    /// </summary>
    private static Task<List<ObservationGroup>> ObservationMonthsAsync(BurdenShiftDbContext db, int indicatorId, DateOnly asOf, CancellationToken ct)
    {
        var from = db.ReadsKnownAt ? DateOnly.MinValue : new DateOnly(asOf.Year, asOf.Month, 1);
        var groups = Observations(db, indicatorId, asOf).Where(o => o.AsOf >= from)
            .GroupBy(o => new { o.AsOf.Year, o.AsOf.Month, o.SourceId, o.Confidence })
            .Select(g => new ObservationGroup
            {
                First = g.Min(o => o.AsOf),
                SourceId = g.Key.SourceId,
                Confidence = g.Key.Confidence,
                Rows = g.Count(),
                Low = g.Min(o => (double?)o.Value),
                High = g.Max(o => (double?)o.Value),
                LowEnd = g.Min(o => (double?)(o.Low ?? o.Value)),
                HighEnd = g.Max(o => (double?)(o.High ?? o.Value)),
            });
        if (!db.ReadsKnownAt)
        {
            groups = db.Set<ObservationMonth>().AsNoTracking().Where(m => m.IndicatorId == indicatorId && m.Month < from)
                .Select(m => new ObservationGroup
                {
                    First = m.FirstAsOf,
                    SourceId = m.SourceId,
                    Confidence = m.Confidence,
                    Rows = m.Rows,
                    Low = m.ValueMin,
                    High = m.ValueMax,
                    LowEnd = m.LowEnd,
                    HighEnd = m.HighEnd,
                })
                .Concat(groups);
        }

        return groups.ToListAsync(ct);
    }

    /// <summary>
    /// An area's Europe shares dated before <paramref name="before"/> (the start of its trend
    /// window), for charts of the whole history: every row while there are at most
    /// <see cref="ExactRows"/>, beyond that the row in force at the end of each month (the last by
    /// date, then by entry, dated on or before the month's last day), with its own value, range and
    /// confidence (docs/methodology.md, "Charts"). Two SQL commands at most, each bounded: the
    /// first <see cref="ExactRows"/> + 1 rows, then one index seek per month (at most 2,412).
    /// </summary>
    internal static async Task<List<SeriesPoint>> EuropeBeforeAsync(BurdenShiftDbContext db, int areaId, DateOnly before, CancellationToken ct)
    {
        var rows = db.ShareAssessments.AsNoTracking().Where(s => s.AreaId == areaId && s.AsOf < before && s.EuropeShare != null);
        var read = await rows.OrderBy(s => s.AsOf).ThenBy(s => s.Id).Take(ExactRows + 1)
            .Select(s => new SeriesPoint(s.AsOf, s.EuropeShare!.Value, s.Id, s.Confidence, s.EuropeLow, s.EuropeHigh)).ToListAsync(ct);
        if (read.Count > ExactRows)
        {
            var ends = MonthEnds(read[0].Date, before);
            // Each month end's row, by a seek backward from that date: the cost is the number of
            // months, not of rows (about 120,000 an area at a million rows). The seek is on the days
            // the database keeps (ADR 0024), which hold each date's last row; at a knowledge time on
            // the rows as they stood. The month ends are one parameter the database reads as a table
            // (json_each, unnest); EF.Parameter says so, or EF would run the subquery over the list in .NET.
            var days = db.Set<ShareDay>();
            read = db.ReadsKnownAt
                ? await db.ShareAssessments.AsNoTracking()
                    .Where(s => EF.Parameter(ends).Select(e => db.ShareAssessments.Where(t => t.AreaId == areaId && t.AsOf <= e && t.EuropeShare != null)
                        .OrderByDescending(t => t.AsOf).ThenByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault()).Contains(s.Id))
                    .Select(s => new SeriesPoint(s.AsOf, s.EuropeShare!.Value, s.Id, s.Confidence, s.EuropeLow, s.EuropeHigh)).ToListAsync(ct)
                : await days.AsNoTracking()
                    .Where(d => d.AreaId == areaId && EF.Parameter(ends).Select(e => days.Where(t => t.AreaId == areaId && t.AsOf <= e)
                        .OrderByDescending(t => t.AsOf).Select(t => (DateOnly?)t.AsOf).FirstOrDefault()).Contains(d.AsOf))
                    .Select(d => new SeriesPoint(d.AsOf, d.EuropeShare, d.RowId, d.Confidence, d.EuropeLow, d.EuropeHigh)).ToListAsync(ct);
        }

        return Normalised(read);
    }

    /// <summary>
    /// An indicator's observations dated before <paramref name="before"/> (the start of the
    /// trend window it was read with, or a derived series' count window, docs/decisions/0016), for
    /// charts of the whole history, bounded as <see cref="EuropeBeforeAsync"/>: every row
    /// up to <see cref="ExactRows"/>, beyond that the row in force at each month's end. Values keep
    /// their exact decimals: nothing is aggregated. Two SQL commands at most.
    /// </summary>
    internal static async Task<List<SeriesPoint>> ObservationsBeforeAsync(BurdenShiftDbContext db, int indicatorId, DateOnly before, CancellationToken ct)
    {
        var rows = db.IndicatorObservations.AsNoTracking().Where(o => o.IndicatorId == indicatorId && o.AsOf < before);
        var read = await rows.OrderBy(o => o.AsOf).ThenBy(o => o.Id).Take(ExactRows + 1)
            .Select(o => new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence, o.Low, o.High)).ToListAsync(ct);
        if (read.Count > ExactRows)
        {
            var ends = MonthEnds(read[0].Date, before);
            var days = db.Set<ObservationDay>();
            read = db.ReadsKnownAt
                ? await db.IndicatorObservations.AsNoTracking()
                    .Where(o => EF.Parameter(ends).Select(e => db.IndicatorObservations.Where(t => t.IndicatorId == indicatorId && t.AsOf <= e)
                        .OrderByDescending(t => t.AsOf).ThenByDescending(t => t.Id).Select(t => t.Id).FirstOrDefault()).Contains(o.Id))
                    .Select(o => new SeriesPoint(o.AsOf, o.Value, o.Id, o.Confidence, o.Low, o.High)).ToListAsync(ct)
                : await days.AsNoTracking()
                    .Where(d => d.IndicatorId == indicatorId && EF.Parameter(ends).Select(e => days.Where(t => t.IndicatorId == indicatorId && t.AsOf <= e)
                        .OrderByDescending(t => t.AsOf).Select(t => (DateOnly?)t.AsOf).FirstOrDefault()).Contains(d.AsOf))
                    .Select(d => new SeriesPoint(d.AsOf, d.Value, d.RowId, d.Confidence, d.Low, d.High)).ToListAsync(ct);
        }

        return Normalised(read);
    }

    /// <summary>
    /// The last day of each month from <paramref name="first"/>'s to the one before
    /// <paramref name="before"/>, the last capped at the day before it (what lies from there on
    /// belongs to the window). Dates run 1900-2100, so at most 2,412.
    /// </summary>
    internal static List<DateOnly> MonthEnds(DateOnly first, DateOnly before)
    {
        var ends = new List<DateOnly>();
        var last = before.AddDays(-1);
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            ends.Add(end < last ? end : last);
        }

        return ends;
    }

    // Date and entry order (a month end's rows come back in no particular order), decimals normalised.
    private static List<SeriesPoint> Normalised(List<SeriesPoint> points) =>
        [.. points.OrderBy(p => p.Date).ThenBy(p => p.EntryOrder)
            .Select(p => p with { Value = p.Value.Normalize(), Low = p.Low.Normalize(), High = p.High.Normalize() })];

    // A share the database compared as REAL, back to the decimal it was (at most 4 decimals, so exact).
    private static decimal? Share(double? value) => value is { } v ? Math.Round((decimal)v, 4) : null;

    // An indicator value the database compared as REAL, as a chart point: rounded to four decimals
    // (exact for values of up to 11 integer digits and 4 decimals; a chart draws nothing finer).
    private static decimal? ChartValue(double? value) => value is { } v ? Math.Round((decimal)v, 4) : null;

    // A month's range as two points on its first date, low then high: the line strokes the range.
    // Where the month's rows give ranges reaching beyond their values, both points carry those ends.
    private static void AddRange(List<DatedValue> line, DateOnly date, decimal? low, decimal? high, decimal? lowEnd, decimal? highEnd)
    {
        var (bandLow, bandHigh) = lowEnd < low || highEnd > high ? (lowEnd.Normalize(), highEnd.Normalize()) : (null, null);
        if (low is { } l)
        {
            line.Add(new DatedValue(date, l.Normalize(), bandLow, bandHigh));
        }

        if (high is { } h && h != low)
        {
            line.Add(new DatedValue(date, h.Normalize(), bandLow, bandHigh));
        }
    }

    /// <summary>The sources of the rows, which the database grouped: one group per source and confidence.</summary>
    private static async Task<IReadOnlyList<CitedSource>> SourcesAsync(List<SourceCount> groups, BurdenShiftDbContext db, CancellationToken ct)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        var ids = groups.Select(g => g.SourceId).Distinct().ToList();
        var refs = await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, Ref = new SourceRef(s.Key, s.Publisher, s.Title, s.Url, s.Confidence) })
            .ToDictionaryAsync(s => s.Id, s => s.Ref, ct);
        return [.. groups.GroupBy(g => g.SourceId)
            .Select(g => new CitedSource(refs[g.Key], g.Min(x => x.Confidence), g.Sum(x => x.Rows)))
            .OrderByDescending(s => s.Rows).ThenBy(s => s.Source.Publisher, StringComparer.OrdinalIgnoreCase)];
    }

    private sealed record SourceCount(int SourceId, Confidence Confidence, int Rows);

    // A month of rows citing one source with one confidence. Classes with initialisers, not records:
    // EF translates a UNION ALL of member initialisations, not of constructor calls.
    private class MonthGroup
    {
        public DateOnly First { get; init; }

        public int SourceId { get; init; }

        public Confidence Confidence { get; init; }

        public int Rows { get; init; }
    }

    private sealed class ShareGroup : MonthGroup
    {
        public double? EuropeMin { get; init; }

        public double? EuropeMax { get; init; }

        public double? UsMin { get; init; }

        public double? UsMax { get; init; }

        public double? EuropeLowEnd { get; init; }

        public double? EuropeHighEnd { get; init; }

        public double? UsLowEnd { get; init; }

        public double? UsHighEnd { get; init; }
    }

    private sealed class ObservationGroup : MonthGroup
    {
        public double? Low { get; init; }

        public double? High { get; init; }

        public double? LowEnd { get; init; }

        public double? HighEnd { get; init; }
    }
}
