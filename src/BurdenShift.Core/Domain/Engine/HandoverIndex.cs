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
        var series = new List<IReadOnlyList<SeriesPoint>>();
        var weights = new List<decimal>();
        foreach (var area in areas)
        {
            var points = area.Points.All(p => p.Date <= asOf) ? area.Points : [.. area.Points.Where(p => p.Date <= asOf)];
            (points.Count == 0 ? leftOut : included).Add(area.Key);
            series.Add(points);
            weights.Add(area.Weight);
        }

        // Replay the observations in date and entry order; after each date, average what each area last said.
        // An event is (area, position in its series), not a copy of the point: at a million rows the
        // windows hold about 150,000 points, and copies of them were tens of MB of large arrays.
        var events = new List<(int Area, int Index)>(series.Sum(s => s.Count));
        for (var a = 0; a < series.Count; a++)
        {
            for (var i = 0; i < series[a].Count; i++)
            {
                events.Add((a, i));
            }
        }

        events.Sort((x, y) =>
        {
            var (a, b) = (series[x.Area][x.Index], series[y.Area][y.Index]);
            return a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.EntryOrder.CompareTo(b.EntryOrder);
        });
        var latest = new Dictionary<int, (SeriesPoint Point, decimal Weight)>();
        var result = new List<SeriesPoint>();
        for (var i = 0; i < events.Count; i++)
        {
            var point = series[events[i].Area][events[i].Index];
            latest[events[i].Area] = (point, weights[events[i].Area]);
            if (i + 1 < events.Count && series[events[i + 1].Area][events[i + 1].Index].Date == point.Date)
            {
                continue;
            }

            var weight = latest.Values.Sum(v => v.Weight);
            if (weight > 0m)
            {
                var mean = (latest.Values.Sum(v => v.Point.Value * v.Weight) / weight).Normalize();
                var ranged = latest.Values.Any(v => v.Point.HasRange);
                result.Add(new SeriesPoint(point.Date, mean, result.Count, latest.Values.Min(v => v.Point.Confidence),
                    ranged ? (latest.Values.Sum(v => v.Point.LowEnd * v.Weight) / weight).Normalize() : null,
                    ranged ? (latest.Values.Sum(v => v.Point.HighEnd * v.Weight) / weight).Normalize() : null));
            }
        }

        return new HandoverIndex(result, included, leftOut);
    }
}
