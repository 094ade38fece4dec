namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Reads a series' whole history for a chart and a table without loading it (docs/decisions/0012):
/// a chart gets every row while there are at most <see cref="ExactRows"/>, and beyond that each
/// calendar month's lowest and highest value, computed by the database. Dates run from 1900 to
/// 2100 (InputRules), so that is at most 2,412 months whatever the number of rows. The sources
/// are grouped by the database too, so a caption names every source and the lowest confidence
/// of the rows it summarises. Tables read one page at a time, newest first.
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

    /// <summary>The Europe and US share lines of an area and the sources its rows cite. Two to four SQL commands.</summary>
    internal static async Task<SeriesHistory> ShareHistoryAsync(BurdenShiftDbContext db, int areaId, DateOnly asOf, CancellationToken ct)
    {
        var sources = await SourcesAsync(await Shares(db, areaId, asOf).GroupBy(s => new { s.SourceId, s.Confidence })
            .Select(g => new SourceCount(g.Key.SourceId, g.Key.Confidence, g.Count())).ToListAsync(ct), db, ct);
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
            // Shares are exact in a double (at most 7 significant digits: 0..100, 4 decimals), so the
            // database compares them as REAL with its own MIN and MAX. As decimals, EF's SQLite
            // provider would call back into .NET for every row (ef_min, ef_max): a string and a parse
            // per value and aggregate, about 40 MiB of garbage per area at a million rows.
            var months = await Shares(db, areaId, asOf)
                .GroupBy(s => new { s.AsOf.Year, s.AsOf.Month })
                .Select(g => new
                {
                    First = g.Min(s => s.AsOf),
                    EuropeLow = g.Min(s => (double?)s.EuropeShare),
                    EuropeHigh = g.Max(s => (double?)s.EuropeShare),
                    UsLow = g.Min(s => (double?)s.UsShare),
                    UsHigh = g.Max(s => (double?)s.UsShare),
                    // The month's ranges: the lowest low end and the highest high end (a missing bound is the share).
                    EuropeLowEnd = g.Min(s => (double?)(s.EuropeLow ?? s.EuropeShare)),
                    EuropeHighEnd = g.Max(s => (double?)(s.EuropeHigh ?? s.EuropeShare)),
                    UsLowEnd = g.Min(s => (double?)(s.UsLow ?? s.UsShare)),
                    UsHighEnd = g.Max(s => (double?)(s.UsHigh ?? s.UsShare)),
                })
                .ToListAsync(ct);
            foreach (var m in months.OrderBy(m => m.First))
            {
                AddRange(europe, m.First, Share(m.EuropeLow), Share(m.EuropeHigh), Share(m.EuropeLowEnd), Share(m.EuropeHighEnd));
                AddRange(us, m.First, Share(m.UsLow), Share(m.UsHigh), Share(m.UsLowEnd), Share(m.UsHighEnd));
            }
        }

        return new SeriesHistory(rows, rows > ExactRows,
            [.. new[] { new HistoryLine(EuropeLine, europe), new HistoryLine(UsLine, us) }.Where(l => l.Points.Count > 0)],
            sources);
    }

    /// <summary>An indicator's line and the sources its observations cite. Two or three SQL commands.</summary>
    internal static async Task<SeriesHistory> ObservationHistoryAsync(
        BurdenShiftDbContext db, int indicatorId, string name, DateOnly asOf, CancellationToken ct)
    {
        var sources = await SourcesAsync(await Observations(db, indicatorId, asOf).GroupBy(o => new { o.SourceId, o.Confidence })
            .Select(g => new SourceCount(g.Key.SourceId, g.Key.Confidence, g.Count())).ToListAsync(ct), db, ct);
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
            var months = await Observations(db, indicatorId, asOf)
                .GroupBy(o => new { o.AsOf.Year, o.AsOf.Month })
                .Select(g => new
                {
                    First = g.Min(o => o.AsOf),
                    Low = g.Min(o => o.Value),
                    High = g.Max(o => o.Value),
                    LowEnd = g.Min(o => o.Low ?? o.Value),
                    HighEnd = g.Max(o => o.High ?? o.Value),
                })
                .ToListAsync(ct);
            foreach (var m in months.OrderBy(m => m.First))
            {
                AddRange(points, m.First, m.Low, m.High, m.LowEnd, m.HighEnd);
            }
        }

        return new SeriesHistory(rows, rows > ExactRows, [new HistoryLine(name, points)], sources);
    }

    /// <summary>
    /// An area's Europe shares dated before <paramref name="before"/> (the start of its trend
    /// window), for charts of the whole history: every row while there are at most
    /// <see cref="ExactRows"/>, beyond that one point a month (its first date, the mean of its
    /// values and their lowest confidence), computed by the database. Two SQL commands.
    /// </summary>
    internal static async Task<List<SeriesPoint>> EuropeBeforeAsync(BurdenShiftDbContext db, int areaId, DateOnly before, CancellationToken ct)
    {
        var rows = db.ShareAssessments.AsNoTracking().Where(s => s.AreaId == areaId && s.AsOf < before && s.EuropeShare != null);
        if (await rows.CountAsync(ct) <= ExactRows)
        {
            return [.. (await rows.Select(s => new { s.Id, s.AsOf, s.EuropeShare, s.Confidence, s.EuropeLow, s.EuropeHigh }).ToListAsync(ct))
                .Select(s => new SeriesPoint(s.AsOf, s.EuropeShare!.Value.Normalize(), s.Id, s.Confidence, s.EuropeLow.Normalize(), s.EuropeHigh.Normalize()))];
        }

        // The mean is exact: the database sums each share in ten-thousandths as an integer (a share
        // has at most 4 decimals), with its own SUM; EF's decimal average would call back into .NET
        // for every row on SQLite (ef_avg), as the month ranges above would.
        var months = await rows.GroupBy(s => new { s.AsOf.Year, s.AsOf.Month, s.Confidence })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                g.Key.Confidence,
                First = g.Min(s => s.AsOf),
                Units = g.Sum(s => (long)Math.Round((double)s.EuropeShare!.Value * ShareUnits)),
                Rows = g.Count(),
            })
            .ToListAsync(ct);
        // Entry order below every real row's id, so that on the window's first date the real rows come last.
        return [.. months.GroupBy(m => (m.Year, m.Month))
            .Select(g => new SeriesPoint(g.Min(m => m.First), Math.Round(g.Sum(m => m.Units) / (decimal)ShareUnits / g.Sum(m => m.Rows), 4).Normalize(),
                -1, g.Min(m => m.Confidence)))];
    }

    // Ten-thousandths: a share's smallest step (precision 7, scale 4).
    private const double ShareUnits = 10_000;

    // A share the database compared as REAL, back to the decimal it was (at most 4 decimals, so exact).
    private static decimal? Share(double? value) => value is { } v ? Math.Round((decimal)v, 4) : null;

    /// <summary>
    /// A count indicator's observations dated before <paramref name="before"/> (the start of the
    /// trend window a derived series was read with), for charts of a derived share's whole history
    /// (docs/decisions/0016), bounded as <see cref="EuropeBeforeAsync"/>. Two SQL commands.
    /// </summary>
    internal static async Task<List<SeriesPoint>> CountsBeforeAsync(BurdenShiftDbContext db, int indicatorId, DateOnly before, CancellationToken ct)
    {
        var rows = db.IndicatorObservations.AsNoTracking().Where(o => o.IndicatorId == indicatorId && o.AsOf < before);
        if (await rows.CountAsync(ct) <= ExactRows)
        {
            return [.. (await rows.Select(o => new { o.Id, o.AsOf, o.Value, o.Confidence, o.Low, o.High }).ToListAsync(ct))
                .Select(o => new SeriesPoint(o.AsOf, o.Value.Normalize(), o.Id, o.Confidence, o.Low.Normalize(), o.High.Normalize()))];
        }

        var months = await rows.GroupBy(o => new { o.AsOf.Year, o.AsOf.Month, o.Confidence })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Confidence, First = g.Min(o => o.AsOf), Mean = g.Average(o => o.Value), Rows = g.Count() })
            .ToListAsync(ct);
        // Entry order below every real row's id, so that on the window's first date the real rows come last.
        return [.. months.GroupBy(m => (m.Year, m.Month))
            .Select(g => new SeriesPoint(g.Min(m => m.First), Math.Round(g.Sum(m => m.Mean * m.Rows) / g.Sum(m => m.Rows), 4).Normalize(),
                -1, g.Min(m => m.Confidence)))];
    }

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
}
