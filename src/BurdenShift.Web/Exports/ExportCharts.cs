using BurdenShift.Core.Dashboard;
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

    /// <summary>The standard targets, in the order charts and packs list them.</summary>
    public static IReadOnlyList<string> StandardTargets { get; } = [Target2027, Target2030];

    /// <summary>The chart of one area, or null for an unknown key.</summary>
    public async Task<ChartModel?> AreaAsync(string key, DateOnly asOf, IReadOnlyList<string> targets, CancellationToken ct = default) =>
        await dashboard.GetAreaAsync(key, asOf, ct) is { } area ? ChartBuilder.Area(area, targets) : null;

    /// <summary>The chart of one indicator, or null for an unknown key.</summary>
    public async Task<ChartModel?> IndicatorAsync(string key, DateOnly asOf, IReadOnlyList<string> targets, CancellationToken ct = default)
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
            return ChartBuilder.Indicator(detailed, targets);
        }

        var history = overview.History.TryGetValue(key, out var h) ? h : [];
        var chart = ChartBuilder.Indicator(indicator, [.. history.Select(p => new ChartPoint(p.Date, p.Value))],
            indicator.Latest is { } latest ? [(latest.Source, latest.Confidence)] : [], targets);
        return chart with { LowestConfidence = history.Count == 0 ? null : history.Min(p => p.Confidence) };
    }

    /// <summary>The handover index over time against the chosen standard targets.</summary>
    public async Task<ChartModel> IndexAsync(DateOnly asOf, IReadOnlyList<string> targets, CancellationToken ct = default) =>
        ChartBuilder.Index(await dashboard.GetOverviewAsync(asOf, HistoryDepth.Full, ct), targets);
}
