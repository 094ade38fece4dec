namespace BurdenShift.Core.Domain.Engine;

/// <summary>One area's Europe-share series and its weight in the handover index.</summary>
public sealed record WeightedSeries(string Key, decimal Weight, IReadOnlyList<SeriesPoint> Points);

/// <summary>
/// The overall handover index: the weighted mean of the areas' Europe shares, as a series of
/// its own with one point per date on which any area has an observation, each area carrying
/// its latest value forward (docs/methodology.md, "Across areas"). A point carries a range
/// (its low and high ends, the weighted means of the areas' low and high ends) when any value it
/// averages does ("Ranges").
/// </summary>
public sealed record HandoverIndex(IReadOnlyList<SeriesPoint> Points, IReadOnlyList<string> Included, IReadOnlyList<string> LeftOut)
{
    public static HandoverIndex Build(IEnumerable<WeightedSeries> areas, DateOnly asOf)
    {
        var included = new List<string>();
        var leftOut = new List<string>();
        var events = new List<(SeriesPoint Point, int Area, decimal Weight)>();
        var index = 0;
        foreach (var area in areas)
        {
            var points = area.Points.Where(p => p.Date <= asOf).ToList();
            (points.Count == 0 ? leftOut : included).Add(area.Key);
            events.AddRange(points.Select(p => (p, index, area.Weight)));
            index++;
        }

        // Replay the observations in date and entry order; after each date, average what each area last said.
        events.Sort((a, b) => a.Point.Date != b.Point.Date
            ? a.Point.Date.CompareTo(b.Point.Date)
            : a.Point.EntryOrder.CompareTo(b.Point.EntryOrder));
        var latest = new Dictionary<int, (SeriesPoint Point, decimal Weight)>();
        var series = new List<SeriesPoint>();
        for (var i = 0; i < events.Count; i++)
        {
            latest[events[i].Area] = (events[i].Point, events[i].Weight);
            if (i + 1 < events.Count && events[i + 1].Point.Date == events[i].Point.Date)
            {
                continue;
            }

            var weight = latest.Values.Sum(v => v.Weight);
            if (weight > 0m)
            {
                var mean = (latest.Values.Sum(v => v.Point.Value * v.Weight) / weight).Normalize();
                var ranged = latest.Values.Any(v => v.Point.HasRange);
                series.Add(new SeriesPoint(events[i].Point.Date, mean, series.Count, latest.Values.Min(v => v.Point.Confidence),
                    ranged ? (latest.Values.Sum(v => v.Point.LowEnd * v.Weight) / weight).Normalize() : null,
                    ranged ? (latest.Values.Sum(v => v.Point.HighEnd * v.Weight) / weight).Normalize() : null));
            }
        }

        return new HandoverIndex(series, included, leftOut);
    }
}
