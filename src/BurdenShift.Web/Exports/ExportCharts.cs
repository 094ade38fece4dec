using System.Globalization;
using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Domain;
using BurdenShift.Web.Live;

namespace BurdenShift.Web.Exports;

/// <summary>
/// Builds the exported charts from what <see cref="DashboardCache"/> returns, so every figure
/// drawn is the API's. The area chart is the area page's: Europe and US shares, a target line per
/// chosen target and a dashed projection to each deadline when there is a trend.
/// </summary>
public sealed class ExportCharts(DashboardCache dashboard)
{
    public const string Target2027 = "2027";
    public const string Target2030 = "2030";

    /// <summary>The standard targets, in the order charts and packs list them.</summary>
    public static IReadOnlyList<string> StandardTargets { get; } = [Target2027, Target2030];

    /// <summary>The chart of one area, or null for an unknown key.</summary>
    public async Task<ExportChart?> AreaAsync(string key, DateOnly asOf, IReadOnlyList<string> targets, CancellationToken ct = default) =>
        await dashboard.GetAreaAsync(key, asOf, ct) is { } area ? ForArea(area, targets) : null;

    public static ExportChart ForArea(AreaDetail area, IReadOnlyList<string> targets)
    {
        var chosen = Chosen(area.Targets, targets, t => t.Key);
        var europe = area.Assessments.Where(a => a.EuropeShare is not null).Select(a => new ExportPoint(a.AsOf, a.EuropeShare!.Value)).OrderBy(p => p.Date).ToList();
        var us = area.Assessments.Where(a => a.UsShare is not null).Select(a => new ExportPoint(a.AsOf, a.UsShare!.Value)).OrderBy(p => p.Date).ToList();
        List<ExportSeries> series = [.. new[] { new ExportSeries("Europe share", europe), new ExportSeries("US share", us, 1) }.Where(s => s.Points.Count > 0)];
        // Latest first: the footer lists the sources of the most recent figures before the older ones.
        var figures = area.Assessments.OrderByDescending(a => a.AsOf).Select(a => (a.Source, a.Confidence)).ToList();
        List<string> derivation = [];
        if (area.ShareBasis == ShareBasisKind.Derived)
        {
            // A derived series is labelled as derived, with its pairs, counts and sources; the assessed one stays beside it.
            var derived = area.DerivedHistory.Select(p => new ExportPoint(p.Date, p.Value)).ToList();
            series =
            [
                .. new[]
                {
                    new ExportSeries("Europe share (derived from counts)", derived),
                    new ExportSeries("US share (derived from counts)", [.. derived.Select(p => p with { Value = 100m - p.Value })], 1),
                    new ExportSeries("Europe share (assessed)", europe),
                    new ExportSeries("US share (assessed)", us, 1),
                }.Where(s => s.Points.Count > 0),
            ];
            derivation = [.. DerivationLines(area.Derivation)];
            figures =
            [
                .. area.Derivation.SelectMany(p => new[] { p.EuropeSource, p.UsSource }).OfType<SourceRef>().Select(s => (s, s.Confidence)),
                .. figures,
            ];
        }

        return new ExportChart(
            area.Name,
            $"Europe's and the US's share of NATO capability in Europe (%) · {TargetsText(chosen.Select(t => (t.Key, t.Value, t.Deadline)), "%")}",
            "%",
            series,
            area.TrendPerYear is null ? [] : Projections(chosen),
            [.. chosen.Select(t => new ExportTargetLine(t.Key, t.Label, t.Value, t.Deadline))],
            [.. derivation, .. SourceLines(figures.Select(f => f.Source))],
            figures.Count == 0 ? null : figures.Min(f => f.Confidence),
            area.AsOf,
            area.Illustrative,
            $"No public figure: no source publishes a European or US share for {area.Name} on or before {Iso(area.AsOf)}.");
    }

    /// <summary>The chart of one indicator, or null for an unknown key.</summary>
    public async Task<ExportChart?> IndicatorAsync(string key, DateOnly asOf, IReadOnlyList<string> targets, CancellationToken ct = default)
    {
        var overview = await dashboard.GetIndicatorOverviewAsync(asOf, HistoryDepth.Full, ct);
        if (overview.Indicators.FirstOrDefault(i => i.Key == key) is not { } indicator)
        {
            return null;
        }

        // The area page's load carries every observation with its source; the overview only the latest's.
        if (indicator.Area is { } areaKey && await dashboard.GetAreaAsync(areaKey, asOf, ct) is { } area
            && area.Indicators.FirstOrDefault(i => i.Key == key) is { Observations: not null } detailed)
        {
            var observations = detailed.Observations;
            return ForIndicator(detailed, [.. observations.Select(o => new ExportPoint(o.AsOf, o.Value))],
                [.. observations.OrderByDescending(o => o.AsOf).Select(o => (o.Source, o.Confidence))], targets);
        }

        var history = overview.History.TryGetValue(key, out var h) ? h : [];
        List<(SourceRef, Confidence)> sources = indicator.Latest is { } latest ? [(latest.Source, latest.Confidence)] : [];
        var lowest = history.Count == 0 ? (Confidence?)null : history.Min(p => p.Confidence);
        var chart = ForIndicator(indicator, [.. history.Select(p => new ExportPoint(p.Date, p.Value))], sources, targets);
        return chart with { LowestConfidence = lowest };
    }

    private static ExportChart ForIndicator(IndicatorSummary indicator, List<ExportPoint> points,
        List<(SourceRef Source, Confidence Confidence)> figures, IReadOnlyList<string> targets)
    {
        // An indicator has targets of its own, keyed like the standard ones: the chosen keys pick them.
        var chosen = Chosen(indicator.Targets, targets, t => t.Key);

        var direction = indicator.Direction == IndicatorDirection.Up ? "higher is better" : "lower is better";
        var targetsText = chosen.Count == 0 ? "no target set" : TargetsText(chosen.Select(t => (t.Key, t.Value, t.Deadline)), " " + indicator.Unit);
        return new ExportChart(
            indicator.Name,
            $"{indicator.Unit}, {direction} · {targetsText}",
            indicator.Unit,
            [new ExportSeries(indicator.Name, [.. points.OrderBy(p => p.Date)])],
            indicator.TrendPerYear is null ? [] : Projections(chosen),
            [.. chosen.Select(t => new ExportTargetLine(t.Key, t.Label, t.Value, t.Deadline))],
            SourceLines(figures.Select(f => f.Source)),
            figures.Count == 0 ? null : figures.Min(f => f.Confidence),
            indicator.AsOf,
            indicator.Illustrative,
            $"No public figure: no observation of {indicator.Name} is dated on or before {Iso(indicator.AsOf)}.");
    }

    /// <summary>The handover index over time against the chosen standard targets.</summary>
    public async Task<ExportChart> IndexAsync(DateOnly asOf, IReadOnlyList<string> targets, CancellationToken ct = default) =>
        ForIndex(await dashboard.GetOverviewAsync(asOf, HistoryDepth.Full, ct), targets);

    public static ExportChart ForIndex(DashboardOverview overview, IReadOnlyList<string> targets)
    {
        var chosen = Chosen(overview.Index, targets, t => t.Key);
        var first = overview.Index.Count > 0 ? overview.Index[0] : null;
        var included = first?.AreasIncluded ?? [];
        var names = overview.Areas.ToDictionary(a => a.Key, a => a.Name);
        var trend = first?.TrendPerYear;
        var projections = trend is null
            ? []
            : chosen.Where(t => t.Current is not null && t.CurrentDate is not null && t.Projected is not null && t.Deadline > t.CurrentDate)
                .Select(t => new ExportProjection($"projection to {t.Key}", new ExportPoint(t.CurrentDate!.Value, t.Current!.Value), new ExportPoint(t.Deadline, t.Projected!.Value)))
                .ToList();
        // A derived area cites every count it is derived from.
        var latestSources = overview.Areas.Where(a => included.Contains(a.Key) && a.Latest is not null)
            .SelectMany(a => a.ShareBasis == ShareBasisKind.Derived
                ? a.Derivation.SelectMany(p => new[] { p.EuropeSource, p.UsSource }).OfType<SourceRef>()
                : [a.Latest!.Source]);
        List<string> sourceLines =
        [
            (included.Count == 0
                ? "No area has a published Europe share, so the index cannot be computed."
                : $"Weighted mean of the Europe shares of {included.Count} area(s): {string.Join(", ", included.Select(k => names.GetValueOrDefault(k, k)))}.")
                + (first is { AreasLeftOut.Count: > 0 } ? $" Left out for lack of data: {string.Join(", ", first.AreasLeftOut.Select(k => names.GetValueOrDefault(k, k)))}." : ""),
            .. SourceLines(latestSources),
        ];
        return new ExportChart(
            "Overall handover index",
            $"Europe's share of NATO capability in Europe, weighted mean of all areas (%) · {TargetsText(chosen.Select(t => (t.Key, t.Value, t.Deadline)), "%")}",
            "%",
            overview.IndexHistory.Count == 0 ? [] : [new ExportSeries("Handover index (Europe share)", [.. overview.IndexHistory.Select(p => new ExportPoint(p.Date, p.Value))])],
            projections,
            [.. chosen.Select(t => new ExportTargetLine(t.Key, t.Label, t.Value, t.Deadline))],
            sourceLines,
            overview.IndexHistory.Count == 0 ? null : overview.IndexHistory.Min(p => p.Confidence),
            overview.AsOf,
            overview.Illustrative,
            $"No public figure: no area has a published Europe share on or before {Iso(overview.AsOf)}, so the index cannot be computed.");
    }

    /// <summary>"Derived from counts. Tanker aircraft: Europe 60, US 605 aircraft -> 9%, weight 1 (2025-12-31, medium)" per pair.</summary>
    internal static IEnumerable<string> DerivationLines(IEnumerable<PairResult> pairs) =>
        pairs.Select(p => p.Share is { } share
            ? $"Derived from counts. {p.Label}: Europe {Number(p.EuropeValue!.Value)}, US {Number(p.UsValue!.Value)} {p.Unit} -> {share.ToString("0.#", CultureInfo.InvariantCulture)}%, weight {Number(p.Weight)} ({Iso(p.Date!.Value)}, {p.Confidence!.Value.ToWire()})"
            : $"Derived from counts. {p.Label}: no figure (a side has no count on or before this date), weight {Number(p.Weight)}");

    internal static List<ExportProjection> Projections(IEnumerable<TargetResult> targets) =>
        [.. targets.Where(t => t.Current is not null && t.CurrentDate is not null && t.Projected is not null && t.Deadline > t.CurrentDate)
            .Select(t => new ExportProjection($"projection to {t.Key}", new ExportPoint(t.CurrentDate!.Value, t.Current!.Value), new ExportPoint(t.Deadline, t.Projected!.Value)))];

    private static List<T> Chosen<T>(IEnumerable<T> all, IReadOnlyList<string> keys, Func<T, string> key) =>
        [.. all.Where(t => keys.Contains(key(t))).OrderBy(t => IndexOf(keys, key(t)))];

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

    private static string TargetsText(IEnumerable<(string Key, decimal Value, DateOnly Deadline)> targets, string unit)
    {
        var list = targets.Select(t => $"{t.Key} target {Number(t.Value)}{unit} by {Iso(t.Deadline)}").ToList();
        return list.Count == 0 ? "no target chosen" : "targets: " + string.Join("; ", list);
    }

    /// <summary>"Source: publisher, title" per distinct source, in the order first cited.</summary>
    internal static List<string> SourceLines(IEnumerable<SourceRef> sources) =>
        [.. sources.DistinctBy(s => s.Key).Select(s => $"Source: {s.Publisher}, {s.Title}")];

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Number(decimal value) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
