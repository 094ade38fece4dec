namespace BurdenShift.Core.Domain.Engine;

/// <summary>
/// An area's shares derived from its count pairs at an as-of date: the weighted mean of the
/// defined pairs' Europe shares, the US share as the rest of 100, the latest pair date and the
/// lowest pair confidence, with every pair's reading so the figure can be explained. When a
/// defined pair's count gives a range, the Europe share has one too: the weighted means of the
/// pairs' low and high ends (a pair without a range counts its share at both ends).
/// </summary>
public sealed record DerivedShare(
    decimal EuropeShare,
    decimal UsShare,
    DateOnly Date,
    Confidence Confidence,
    IReadOnlyList<PairReading> Pairs,
    decimal? EuropeLow = null,
    decimal? EuropeHigh = null)
{
    /// <summary>
    /// The derived shares at <paramref name="asOf"/>, or null when no pair is defined then.
    /// Each side's current observation follows rule 1: the latest date on or before the as-of
    /// date, and on a tie the entry made last.
    /// </summary>
    public static DerivedShare? At(IReadOnlyList<CountPair> pairs, DateOnly asOf) =>
        Combine([.. pairs.Select(p => Read(p, Current(p.Europe, asOf), Current(p.Us, asOf)))]);

    /// <summary>
    /// Each pair's reading at <paramref name="asOf"/>, defined or not, in the pairs' order (what
    /// the area page and the API show even when no figure can be derived).
    /// </summary>
    public static IReadOnlyList<PairReading> Readings(IReadOnlyList<CountPair> pairs, DateOnly asOf) =>
        [.. pairs.Select(p => Read(p, Current(p.Europe, asOf), Current(p.Us, asOf)))];

    /// <summary>
    /// The derived Europe-share series up to <paramref name="asOf"/>: one point per date on which
    /// any of the pairs' observations is dated, the derived share computed for that date (dates
    /// on which no pair is defined yet give no point). One pass over the observations in date
    /// and entry order, carrying each side's current observation forward.
    /// </summary>
    public static IReadOnlyList<SeriesPoint> Series(IReadOnlyList<CountPair> pairs, DateOnly asOf)
    {
        var events = new List<(SeriesPoint Point, int Pair, bool Europe)>();
        for (var i = 0; i < pairs.Count; i++)
        {
            events.AddRange(pairs[i].Europe.Where(p => p.Date <= asOf).Select(p => (p, i, true)));
            events.AddRange(pairs[i].Us.Where(p => p.Date <= asOf).Select(p => (p, i, false)));
        }

        events.Sort((a, b) => a.Point.Date != b.Point.Date
            ? a.Point.Date.CompareTo(b.Point.Date)
            : a.Point.EntryOrder.CompareTo(b.Point.EntryOrder));
        var europe = new SeriesPoint?[pairs.Count];
        var us = new SeriesPoint?[pairs.Count];
        var series = new List<SeriesPoint>();
        for (var e = 0; e < events.Count; e++)
        {
            var (point, pair, isEurope) = events[e];
            (isEurope ? europe : us)[pair] = point;
            if (e + 1 < events.Count && events[e + 1].Point.Date == point.Date)
            {
                continue; // the date's last entry decides; read the pairs once it is in
            }

            if (Combine([.. pairs.Select((p, i) => Read(p, europe[i], us[i]))]) is { } derived)
            {
                series.Add(new SeriesPoint(point.Date, derived.EuropeShare, series.Count, derived.Confidence, derived.EuropeLow, derived.EuropeHigh));
            }
        }

        return series;
    }

    private static DerivedShare? Combine(IReadOnlyList<PairReading> readings)
    {
        var defined = readings.Where(r => r.Defined).ToList();
        var weight = defined.Sum(r => r.Weight);
        if (defined.Count == 0 || weight <= 0m)
        {
            return null;
        }

        decimal Mean(Func<PairReading, decimal> end) => Math.Round(defined.Sum(r => end(r) * r.Weight) / weight, SeriesSnapshot.Places).Normalize();
        var europe = Mean(r => r.Share!.Value);
        var ranged = defined.Any(r => r.ShareLow is not null);
        return new DerivedShare(europe, (100m - europe).Normalize(), defined.Max(r => r.Date!.Value),
            defined.Min(r => r.Confidence!.Value), readings,
            ranged ? Mean(r => r.ShareLow ?? r.Share!.Value) : null,
            ranged ? Mean(r => r.ShareHigh ?? r.Share!.Value) : null);
    }

    private static PairReading Read(CountPair pair, SeriesPoint? europe, SeriesPoint? us)
    {
        if (europe is not { } e || us is not { } u || e.Value + u.Value <= 0m)
        {
            return new PairReading(pair.Label, pair.Weight, europe, us, null, null, null);
        }

        var share = Of(e.Value, u.Value);
        // The ends: Europe's fewest against the US's most, and the reverse. A sum of zero at an
        // end (both low ends 0) leaves that end at the point share.
        var ranged = e.HasRange || u.HasRange;
        return new PairReading(pair.Label, pair.Weight, e, u, share,
            e.Date > u.Date ? e.Date : u.Date, e.Confidence < u.Confidence ? e.Confidence : u.Confidence,
            ranged ? (e.LowEnd + u.HighEnd > 0m ? Of(e.LowEnd, u.HighEnd) : share) : null,
            ranged ? (e.HighEnd + u.LowEnd > 0m ? Of(e.HighEnd, u.LowEnd) : share) : null);
    }

    private static decimal Of(decimal europe, decimal us) => Math.Round(100m * europe / (europe + us), SeriesSnapshot.Places).Normalize();

    /// <summary>Rule 1: the latest observation on or before the date; on a tie, the one entered last.</summary>
    private static SeriesPoint? Current(IReadOnlyList<SeriesPoint> points, DateOnly asOf)
    {
        SeriesPoint? current = null;
        foreach (var p in points)
        {
            if (p.Date <= asOf && (current is not { } c || p.Date > c.Date || (p.Date == c.Date && p.EntryOrder > c.EntryOrder)))
            {
                current = p;
            }
        }

        return current;
    }
}
