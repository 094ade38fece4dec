using BurdenShift.Core.Formatting;

namespace BurdenShift.Core.Dashboard;

/// <summary>
/// Turns an area's count pairs and the counts a load read into what the dashboard shows
/// (docs/methodology.md, "Shares derived from counts"): the derived series, each pair's reading
/// with its sources, and the latest figure a derived area shows in place of an assessment.
/// </summary>
internal sealed class Derivations
{
    private readonly ILookup<int, CountRow> byIndicator;
    private readonly Dictionary<long, CountRow> byId;

    public Derivations(IEnumerable<CountRow> rows)
    {
        var list = rows.ToList();
        byIndicator = list.ToLookup(r => r.IndicatorId);
        byId = list.GroupBy(r => r.Point.EntryOrder).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>
    /// Where each pair indicator's rows must start for the trend windows of the areas that count it:
    /// three years back from the area's latest count, the earliest such start over the areas.
    /// </summary>
    public static Dictionary<int, DateOnly> WindowStarts(IEnumerable<IReadOnlyList<PairHead>> areas)
    {
        var starts = new Dictionary<int, DateOnly>();
        foreach (var pairs in areas)
        {
            var latest = pairs.SelectMany(p => new[] { p.EuropeLatest, p.UsLatest }).Max();
            if (latest is not { } last)
            {
                continue; // nothing counted yet on or before the date: no rows to read
            }

            var start = SeriesWindows.StartOf(last);
            foreach (var id in pairs.SelectMany(p => new[] { p.EuropeId, p.UsId }))
            {
                starts[id] = starts.TryGetValue(id, out var known) && known < start ? known : start;
            }
        }

        return starts;
    }

    /// <summary>What one area derives from its pairs as of a date.</summary>
    public AreaDerivation For(IReadOnlyList<PairHead> heads, DateOnly asOf, bool windowed)
    {
        if (heads.Count == 0)
        {
            return AreaDerivation.None;
        }

        List<CountPair> pairs = [.. heads.Select(p => new CountPair(p.Label, p.Weight.Normalize(), Points(p.EuropeId), Points(p.UsId)))];
        var series = DerivedShare.Series(pairs, asOf);
        if (windowed && series.Count > 0)
        {
            // Before the window the series was built from partial counts: keep the window and the
            // value carried into it (the last point before it), which are exact.
            var start = SeriesWindows.StartOf(series[^1].Date);
            var before = series.LastOrDefault(p => p.Date < start);
            series = [.. series.Where(p => p.Date >= start || p == before)];
        }

        var readings = DerivedShare.Readings(pairs, asOf);
        var results = heads.Zip(readings, (h, r) => new PairResult(
            h.Id, h.Label, h.Weight.Normalize(), h.EuropeKey, h.UsKey, h.Unit,
            r.Europe?.Value.Normalize(), r.Us?.Value.Normalize(), r.Share, r.Date, r.Confidence,
            r.Europe?.Date, r.Us?.Date, SourceOf(r.Europe), SourceOf(r.Us), h.Note)
        {
            EuropeLow = r.Europe?.Low.Normalize(),
            EuropeHigh = r.Europe?.High.Normalize(),
            UsLow = r.Us?.Low.Normalize(),
            UsHigh = r.Us?.High.Normalize(),
            ShareLow = r.ShareLow,
            ShareHigh = r.ShareHigh,
        }).ToList();
        var at = DerivedShare.At(pairs, asOf);
        return new AreaDerivation(series, results,
            at is null ? null : new DerivedFigure(at.EuropeShare, at.UsShare, at.Date, at.Confidence, at.EuropeLow, at.EuropeHigh),
            at is null ? null : Latest(at, results));
    }

    /// <summary>
    /// The derived series of the whole history, for charts (the area page, <see cref="HistoryDepth.Chart"/>):
    /// the counts this load read (the windows) and those dated before them (<paramref name="before"/>,
    /// every row up to <see cref="HistoryReads.ExactRows"/> an indicator, beyond that the row in force at each month's end).
    /// While no indicator has more rows than that, it is the series of every count.
    /// </summary>
    public IReadOnlyList<SeriesPoint> WholeSeries(IReadOnlyList<PairHead> heads, IReadOnlyDictionary<int, List<SeriesPoint>> before, DateOnly asOf)
    {
        if (heads.Count == 0)
        {
            return [];
        }

        List<SeriesPoint> All(int indicatorId)
        {
            var window = Points(indicatorId);
            var read = window.Select(p => p.EntryOrder).ToHashSet();
            // Every point before the window is a real row (a month end's row beyond ExactRows): rows read twice count once.
            return [.. before.GetValueOrDefault(indicatorId, []).Where(p => !read.Contains(p.EntryOrder)), .. window];
        }

        return DerivedShare.Series([.. heads.Select(p => new CountPair(p.Label, p.Weight.Normalize(), All(p.EuropeId), All(p.UsId)))], asOf);
    }

    private List<SeriesPoint> Points(int indicatorId) => [.. byIndicator[indicatorId].Select(r => r.Point)];

    private SourceRef? SourceOf(SeriesPoint? point) => point is { } p && byId.TryGetValue(p.EntryOrder, out var row) ? row.Source : null;

    /// <summary>
    /// The derived figure as the latest share of the area: cited by the count that dated it (the
    /// latest of the defined pairs' counts), its note naming every pair, count and source.
    /// </summary>
    private LatestShare Latest(DerivedShare derived, IReadOnlyList<PairResult> pairs)
    {
        var dating = derived.Pairs.Where(r => r.Defined)
            .SelectMany(r => new[] { r.Europe!.Value, r.Us!.Value })
            .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder).Last();
        var row = byId[dating.EntryOrder];
        // The US share is the rest of 100, so its range is the mirror of Europe's.
        return new LatestShare(derived.Date, row.Precision, derived.EuropeShare.Normalize(), derived.UsShare.Normalize(), derived.Confidence, row.Source,
            Explain(pairs), derived.EuropeLow.Normalize(), derived.EuropeHigh.Normalize(),
            (100m - derived.EuropeHigh)?.Normalize(), (100m - derived.EuropeLow)?.Normalize());
    }

    /// <summary>"Derived from counts: Tanker aircraft: Europe 60, US 614 -> 8.9% (weight 1; ...)", each range the counts give after its value.</summary>
    public static string Explain(IReadOnlyList<PairResult> pairs) =>
        "Derived from counts: " + string.Join("; ", pairs.Select(p => p.Share is { } share
            ? $"{p.Label}: Europe {Formats.Number(p.EuropeValue!.Value)}{Formats.RangeSuffix(p.EuropeValue.Value, p.EuropeLow, p.EuropeHigh, Formats.Number)}, "
                + $"US {Formats.Number(p.UsValue!.Value)}{Formats.RangeSuffix(p.UsValue.Value, p.UsLow, p.UsHigh, Formats.Number)} -> "
                + $"{Formats.Percent(share)}{Formats.RangeSuffix(share, p.ShareLow, p.ShareHigh, Formats.Percent)} "
                + $"(weight {Formats.Number(p.Weight)}; {p.EuropeSource?.Publisher}, {Formats.Date(p.EuropeDate!.Value)}; {p.UsSource?.Publisher}, {Formats.Date(p.UsDate!.Value)})"
            : $"{p.Label}: no figure (a side has no count yet)")) + ".";
}

/// <summary>An area's derived series, its pairs' readings, the derived figure and the latest share it gives.</summary>
internal sealed record AreaDerivation(
    IReadOnlyList<SeriesPoint> Series, IReadOnlyList<PairResult> Pairs, DerivedFigure? Figure, LatestShare? Latest)
{
    public static readonly AreaDerivation None = new([], [], null, null);
}
