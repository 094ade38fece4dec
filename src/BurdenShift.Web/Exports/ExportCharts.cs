using BurdenShift.Web.Charts;
using BurdenShift.Web.Live;

namespace BurdenShift.Web.Exports;

/// <summary>
/// Loads what an exported chart shows from <see cref="DashboardCache"/> (so every figure drawn is
/// the API's) and builds it with <see cref="ChartBuilder"/>, as the pages do.
/// </summary>
public sealed class ExportCharts(DashboardCache dashboard)
{
    public const string Target2027 = "2027";
    public const string Target2030 = "2030";

    /// <summary>The charts of the figures as published at <paramref name="knownAt"/>; null: the latest.</summary>
    public ExportCharts At(DateTimeOffset? knownAt) => knownAt is null ? this : new ExportCharts(dashboard.At(knownAt));

    /// <summary>The standard targets, in the order charts and packs list them.</summary>
    public static IReadOnlyList<string> StandardTargets { get; } = [Target2027, Target2030];

    /// <summary>The chart of one area, or null for an unknown key; with a pace, the scenario's projections.</summary>
    public async Task<ChartModel?> AreaAsync(string key, DateOnly asOf, IReadOnlyList<string> targets, decimal? pace = null, CancellationToken ct = default) =>
        await dashboard.GetAreaAsync(key, asOf, ct) is { } area
            ? ChartBuilder.Area(area, targets, pace is { } p ? new ChartScenario(p, area.TrendPerYear, Scenarios.Apply(area.Snapshot, area.Targets, p)) : null)
            : null;

    /// <summary>The chart of one indicator, or null for an unknown key.</summary>
    public async Task<ChartModel?> IndicatorAsync(string key, DateOnly asOf, IReadOnlyList<string> targets, decimal? pace = null, CancellationToken ct = default)
    {
        // The figures are the trend window's; the line comes from the area's bounded history.
        if ((await dashboard.GetIndicatorsAsync(asOf, ct)).FirstOrDefault(i => i.Key == key) is not { } indicator)
        {
            return null;
        }

        // The area's entry carries a bounded line of the whole history and every source it cites.
        if (indicator.Area is { } areaKey && await dashboard.GetAreaAsync(areaKey, asOf, ct) is { } area
            && area.IndicatorHistories.TryGetValue(key, out var detailed))
        {
            return ChartBuilder.Indicator(indicator, detailed, targets, Scenario(indicator, pace));
        }

        // An indicator of no area: its window and, before it, its rows or month ends (bounded, HistoryDepth.Chart).
        var overview = await dashboard.GetIndicatorChartsAsync(asOf, [key], ct);
        var history = overview.History.TryGetValue(key, out var h) ? h : [];
        var chart = ChartBuilder.Indicator(indicator, [.. history.Select(p => new ChartPoint(p.Date, p.Value, p.Low, p.High))],
            indicator.Latest is { } latest ? [(latest.Source, latest.Confidence)] : [], targets, Scenario(indicator, pace));
        return chart with { LowestConfidence = history.Count == 0 ? null : history.Min(p => p.Confidence) };
    }

    private static ChartScenario? Scenario(IndicatorSummary indicator, decimal? pace) =>
        pace is { } p ? new ChartScenario(p, indicator.TrendPerYear, Scenarios.Apply(indicator.Snapshot, indicator.Targets, p)) : null;

    /// <summary>The handover index over time against the chosen standard targets.</summary>
    public async Task<ChartModel> IndexAsync(DateOnly asOf, IReadOnlyList<string> targets, CancellationToken ct = default) =>
        ChartBuilder.Index(await dashboard.GetOverviewAsync(asOf, HistoryDepth.Chart, ct), targets);
}
