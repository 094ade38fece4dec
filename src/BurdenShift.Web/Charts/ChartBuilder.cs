namespace BurdenShift.Web.Charts;

/// <summary>
/// The one place that turns the read model into charts, for the pages and the exports alike: which
/// series an area, an indicator or the index draws, their names and styles, the projection rule
/// (a dashed line from the latest point to the value projected at each chosen deadline, only when
/// there is a trend and the deadline is still ahead), the target lines and the caption's sources.
/// </summary>
public static class ChartBuilder
{
    public const string EuropeShare = "Europe share";
    public const string UsShare = "US share";
    public const string EuropeDerived = "Europe share (derived from counts)";
    public const string UsDerived = "US share (derived from counts)";

    /// <summary>"Derived from counts. Tanker aircraft: Europe 60, US 605 aircraft -> 9%, weight 1 (2025-12-31, medium)" per pair.</summary>
    public static IEnumerable<string> DerivationLines(IEnumerable<PairResult> pairs) =>
        pairs.Select(p => p.Share is { } share
            ? $"Derived from counts. {p.Label}: Europe {Formats.Number(p.EuropeValue!.Value)}, US {Formats.Number(p.UsValue!.Value)} {p.Unit} -> {Formats.Percent(share)}, weight {Formats.Number(p.Weight)} ({Formats.Date(p.Date!.Value)}, {p.Confidence!.Value.ToWire()})"
            : $"Derived from counts. {p.Label}: no figure (a side has no count on or before this date), weight {Formats.Number(p.Weight)}");

    /// <summary>The source of every count a derivation used.</summary>
    public static IEnumerable<SourceRef> CountSources(IEnumerable<PairResult> pairs) =>
        pairs.SelectMany(p => new[] { p.EuropeSource, p.UsSource }).OfType<SourceRef>();

    /// <summary>
    /// An area's Europe and US shares with the chosen targets (all of them when <paramref name="targets"/>
    /// is null); with a <paramref name="scenario"/>, the projections are the scenario's and say so.
    /// </summary>
    public static ChartModel Area(AreaDetail area, IReadOnlyList<string>? targets = null, ChartScenario? scenario = null)
    {
        var chosen = Chosen(scenario?.Targets ?? area.Targets, targets);
        // Bounded lines of the whole history (each month's range beyond a few thousand rows, docs/decisions/0012), with the sources' ranges.
        var europe = Line(area.ShareHistory, HistoryReads.EuropeLine);
        var us = Line(area.ShareHistory, HistoryReads.UsLine);
        var derived = area.DerivedHistory.Select(p => new ChartPoint(p.Date, p.Value)).ToList();
        // The latest figure's source first, then the others by how many rows cite them; all of them, counted by the database.
        var figures = CitedFirst(area.Latest?.Source, area.ShareHistory.Sources);
        List<ChartSeries> series;
        List<string> notes = [];
        if (area.ShareBasis == ShareBasisKind.Derived)
        {
            // A derived series is always labelled as derived, with its pairs, counts and sources; the
            // assessed figures stay beside it for comparison (docs/methodology.md).
            series =
            [
                .. new[]
                {
                    new ChartSeries(EuropeDerived, derived),
                    new ChartSeries(UsDerived, [.. derived.Select(p => p with { Value = 100m - p.Value })], ChartStyle.Us),
                    new ChartSeries(EuropeShare + " (assessed)", europe, 2),
                    new ChartSeries(UsShare + " (assessed)", us, 3),
                }.Where(s => s.Points.Count > 0),
            ];
            notes = [.. DerivationLines(area.Derivation)];
            figures = [.. CountSources(area.Derivation).Select(s => (s, s.Confidence)), .. figures];
        }
        else
        {
            series =
            [
                .. new[]
                {
                    new ChartSeries(EuropeShare, europe),
                    new ChartSeries(UsShare, us, ChartStyle.Us),
                    new ChartSeries(EuropeDerived + ", for comparison", derived, 2),
                }.Where(s => s.Points.Count > 0),
            ];
        }

        return SeriesChart(
            new ChartModel(area.Name, $"Europe's and the US's share of NATO capability in Europe (%) · {TargetsText(chosen, "%")}", "%", series,
                [], [], [.. notes, .. RangeNote(series, chosen.Select(t => t.Range))], [], null, area.AsOf, area.Illustrative,
                $"No public figure: no source publishes a European or US share for {area.Name} on or before {Formats.Date(area.AsOf)}."),
            area.TrendPerYear is not null, chosen, figures, scenario);
    }

    /// <summary>
    /// What an area's and an indicator's chart add to their lines alike: the chosen targets and their
    /// projections (on a fitted trend or a scenario), every source cited with the lowest confidence
    /// among them, and a scenario's titles when one is asked for.
    /// </summary>
    private static ChartModel SeriesChart(ChartModel lines, bool trend, List<TargetResult> chosen,
        IReadOnlyList<(SourceRef Source, Confidence Confidence)> figures, ChartScenario? scenario)
    {
        var chart = lines with
        {
            Projections = trend || scenario is not null ? Projections(chosen) : [],
            TargetLines = TargetLines(chosen),
            Sources = Distinct(figures.Select(f => f.Source)),
            LowestConfidence = figures.Count == 0 ? null : figures.Min(f => f.Confidence),
        };
        return scenario is null ? chart : AsScenario(chart, scenario);
    }

    /// <summary>Titles, projections and caption that say the projections are a scenario, not the fitted trend.</summary>
    private static ChartModel AsScenario(ChartModel chart, ChartScenario scenario)
    {
        var label = scenario.Label(chart.Unit);
        var fitted = scenario.FittedTrend is { } t ? ChartScenario.Rate(t, chart.Unit) : "none (fewer than two dates)";
        return chart with
        {
            Title = $"{chart.Title} · {label}",
            Subtitle = $"{label} in place of the fitted trend ({fitted}) · {chart.Subtitle}",
            Projections = [.. chart.Projections.Select(p => p with { Label = $"{label}: {p.Label}" })],
            Notes = [$"{label}: the projections assume this pace, not the trend fitted to the data ({fitted}).", .. chart.Notes],
        };
    }

    /// <summary>An indicator's observations with the chosen targets of its own (all when <paramref name="targets"/> is null).</summary>
    public static ChartModel Indicator(IndicatorSummary indicator, IReadOnlyList<ChartPoint> points,
        IReadOnlyList<(SourceRef Source, Confidence Confidence)> figures, IReadOnlyList<string>? targets = null, ChartScenario? scenario = null)
    {
        var chosen = Chosen(scenario?.Targets ?? indicator.Targets, targets);
        var direction = indicator.Direction == IndicatorDirection.Up ? "higher is better" : "lower is better";
        var targetsText = chosen.Count == 0 ? "no target set" : TargetsText(chosen, " " + indicator.Unit);
        return SeriesChart(
            new ChartModel(indicator.Name, $"{indicator.Unit}, {direction} · {targetsText}", indicator.Unit,
                [new ChartSeries(indicator.Name, [.. points.OrderBy(p => p.Date)])], [], [],
                RangeNote([new ChartSeries(indicator.Name, points)], chosen.Select(t => t.Range)), [], null, indicator.AsOf, indicator.Illustrative,
                $"No public figure: no observation of {indicator.Name} is dated on or before {Formats.Date(indicator.AsOf)}."),
            indicator.TrendPerYear is not null, chosen, figures, scenario);
    }

    /// <summary>An indicator as its area's entry carries it: a bounded line of the whole history and every source cited.</summary>
    public static ChartModel Indicator(IndicatorSummary indicator, SeriesHistory history, IReadOnlyList<string>? targets = null, ChartScenario? scenario = null) =>
        Indicator(indicator, Line(history, indicator.Name), CitedFirst(indicator.Latest?.Source, history.Sources), targets, scenario);

    private static List<ChartPoint> Line(SeriesHistory history, string name) =>
        [.. (history.Lines.FirstOrDefault(l => l.Name == name)?.Points ?? []).Select(p => new ChartPoint(p.Date, p.Value, p.Low, p.High))];

    private static List<(SourceRef Source, Confidence Confidence)> CitedFirst(SourceRef? latest, IReadOnlyList<CitedSource> sources) =>
        [.. sources.OrderBy(s => s.Source.Key == latest?.Key ? 0 : 1).Select(s => (s.Source, s.LowestConfidence))];

    /// <summary>The handover index over time against the chosen standard targets.</summary>
    public static ChartModel Index(DashboardOverview overview, IReadOnlyList<string>? targets = null)
    {
        var chosen = Chosen(overview.Index, targets);
        var first = overview.Index.Count > 0 ? overview.Index[0] : null;
        var included = first?.AreasIncluded ?? [];
        var names = overview.Areas.ToDictionary(a => a.Key, a => a.Name);
        var projections = first?.TrendPerYear is null
            ? []
            : chosen.Where(t => t.Current is not null && t.CurrentDate is not null && t.Projected is not null && t.Deadline > t.CurrentDate)
                .Select(t => Projection(t.Key, t.CurrentDate!.Value, t.Current!.Value, t.Deadline, t.Projected!.Value, t.Range))
                .ToList();
        var history = overview.IndexHistory.Select(p => new ChartPoint(p.Date, p.Value, p.Low, p.High)).ToList();
        var note = (included.Count == 0
                ? "No area has a published Europe share, so the index cannot be computed."
                : $"Weighted mean of the Europe shares of {included.Count} area(s): {string.Join(", ", included.Select(k => names.GetValueOrDefault(k, k)))}.")
            + (first is { AreasLeftOut.Count: > 0 } ? $" Left out for lack of data: {string.Join(", ", first.AreasLeftOut.Select(k => names.GetValueOrDefault(k, k)))}." : "");
        return new ChartModel(
            "Overall handover index",
            $"Europe's share of NATO capability in Europe, weighted mean of all areas (%) · {TargetsText(chosen.Select(t => (t.Key, t.Value, t.Deadline)), "%")}",
            "%",
            history.Count == 0 ? [] : [new ChartSeries("Handover index (Europe share)", history)],
            projections,
            [.. chosen.Select(t => new ChartTargetLine($"{t.Key} target", t.Value, t.Deadline))],
            [note, .. RangeNote([new ChartSeries("", history)], chosen.Select(t => t.Range))],
            // A derived area cites every count it is derived from.
            Distinct(overview.Areas.Where(a => included.Contains(a.Key) && a.Latest is not null)
                .SelectMany(a => a.ShareBasis == ShareBasisKind.Derived ? CountSources(a.Derivation) : [a.Latest!.Source])),
            overview.IndexHistory.Count == 0 ? null : overview.IndexHistory.Min(p => p.Confidence),
            overview.AsOf,
            overview.Illustrative,
            $"No public figure: no area has a published Europe share on or before {Formats.Date(overview.AsOf)}, so the index cannot be computed.");
    }

    /// <summary>The Europe shares of several areas on one chart, one style each, with the standard targets.</summary>
    public static ChartModel CompareAreas(DashboardOverview overview, IReadOnlyList<AreaSummary> areas)
    {
        var figures = areas.Where(a => a.Latest is not null).Select(a => a.Latest!).ToList();
        var standard = overview.Index.Select(t => new ChartTargetLine($"{t.Key} target", t.Value, t.Deadline)).ToList();
        return new ChartModel(
            "Europe's share of NATO capability in Europe, compared",
            $"{areas.Count} area(s) · {TargetsText(overview.Index.Select(t => (t.Key, t.Value, t.Deadline)), "%")}",
            "%",
            [.. areas.Select((a, i) => new ChartSeries(a.ShareBasis == ShareBasisKind.Derived ? $"{a.Name} (derived from counts)" : a.Name,
                [.. overview.History.GetValueOrDefault(a.Key, []).Select(p => new ChartPoint(p.Date, p.Value))], i))],
            [],
            standard,
            [],
            Distinct(areas.Where(a => a.Latest is not null).OrderByDescending(a => a.Latest!.Date)
                .SelectMany(a => a.ShareBasis == ShareBasisKind.Derived ? CountSources(a.Derivation) : [a.Latest!.Source])),
            figures.Count == 0 ? null : figures.Min(l => l.Confidence),
            overview.AsOf,
            overview.Illustrative,
            "No public figure: none of the chosen areas has a published Europe share.");
    }

    /// <summary>Indicators of one unit on one chart, one style each, with their own targets.</summary>
    public static ChartModel CompareIndicators(IndicatorOverview overview, string unit, IReadOnlyList<IndicatorSummary> indicators, DateOnly asOf)
    {
        var latest = indicators.Where(i => i.Latest is not null).Select(i => i.Latest!).ToList();
        return new ChartModel(
            $"Indicators in {unit}, compared",
            $"{unit} · indicators with different units are charted separately",
            unit,
            [.. indicators.Select((i, n) => new ChartSeries(i.Name, [.. overview.History.GetValueOrDefault(i.Key, []).Select(p => new ChartPoint(p.Date, p.Value))], n))],
            [],
            [.. indicators.SelectMany(i => i.Targets.Select(t => new ChartTargetLine($"{i.Name}: {t.Key} target", t.Value, t.Deadline)))],
            [],
            Distinct(latest.OrderByDescending(l => l.Date).Select(l => l.Source)),
            latest.Count == 0 ? null : latest.Min(l => l.Confidence),
            asOf,
            indicators.Any(i => i.Illustrative),
            "No public figure: none of the chosen indicators has an observation on or before this date.");
    }

    /// <summary>Dashed from the latest point to the value projected at each deadline still ahead.</summary>
    public static List<ChartProjection> Projections(IEnumerable<TargetResult> targets) =>
        [.. targets.Where(t => t.Current is not null && t.CurrentDate is not null && t.Projected is not null && t.Deadline > t.CurrentDate)
            .Select(t => Projection(t.Key, t.CurrentDate!.Value, t.Current!.Value, t.Deadline, t.Projected!.Value, t.Range))];

    /// <summary>The caption's word on ranges, when the chart draws any (docs/methodology.md, "Ranges").</summary>
    public const string RangeCaption =
        "Shaded band: the range the sources give around each figure; shaded fan: the projections from the range's pessimistic and optimistic ends.";

    private static ChartProjection Projection(string key, DateOnly from, decimal current, DateOnly deadline, decimal projected, RangeResult? range)
    {
        // Each end's figures come from the rows of the same dates as the point's, so its current date is the point's.
        var fan = range is { Pessimistic: { Current: { } pc, Projected: { } pp }, Optimistic: { Current: { } oc, Projected: { } op } }
            ? new ChartFan(new ChartPoint(from, pc), new ChartPoint(deadline, pp), new ChartPoint(from, oc), new ChartPoint(deadline, op))
            : null;
        return new($"projection to {key}", new ChartPoint(from, current), new ChartPoint(deadline, projected), fan);
    }

    private static List<string> RangeNote(IEnumerable<ChartSeries> series, IEnumerable<RangeResult?> ranges) =>
        series.Any(s => s.Points.Any(p => p.HasRange)) || ranges.Any(r => r is not null) ? [RangeCaption] : [];

    private static List<ChartTargetLine> TargetLines(IEnumerable<TargetResult> targets) =>
        [.. targets.Select(t => new ChartTargetLine($"{t.Key} target", t.Value, t.Deadline))];

    /// <summary>The targets whose keys are chosen, in the order chosen; every target when none are chosen.</summary>
    private static List<TargetResult> Chosen(IReadOnlyList<TargetResult> all, IReadOnlyList<string>? keys) =>
        keys is null ? [.. all] : [.. all.Where(t => keys.Contains(t.Key)).OrderBy(t => IndexOf(keys, t.Key))];

    private static List<IndexResult> Chosen(IReadOnlyList<IndexResult> all, IReadOnlyList<string>? keys) =>
        keys is null ? [.. all] : [.. all.Where(t => keys.Contains(t.Key)).OrderBy(t => IndexOf(keys, t.Key))];

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string TargetsText(IEnumerable<TargetResult> targets, string unit) =>
        TargetsText(targets.Select(t => (t.Key, t.Value, t.Deadline)), unit);

    private static string TargetsText(IEnumerable<(string Key, decimal Value, DateOnly Deadline)> targets, string unit)
    {
        var list = targets.Select(t => $"{t.Key} target {Formats.Number(t.Value)}{unit} by {Formats.Date(t.Deadline)}").ToList();
        return list.Count == 0 ? "no target chosen" : "targets: " + string.Join("; ", list);
    }

    private static List<SourceRef> Distinct(IEnumerable<SourceRef> sources) => [.. sources.DistinctBy(s => s.Key)];
}
