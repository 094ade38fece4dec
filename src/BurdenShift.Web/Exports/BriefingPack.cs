using BurdenShift.Web.Charts;
using BurdenShift.Web.Live;
using Microsoft.Extensions.Options;

namespace BurdenShift.Web.Exports;

/// <summary>Settings under <c>Exports</c>.</summary>
public sealed class ExportOptions
{
    /// <summary>Text printed at the top and bottom of every slide and page, e.g. a handling marking.</summary>
    public string? Banner { get; set; }

    /// <summary>Chart exports per client address and minute (then 429).</summary>
    public int ChartsPerMinute { get; set; } = 120;

    /// <summary>Briefing packs per client address and minute (then 429): a pack draws a chart per area.</summary>
    public int PacksPerMinute { get; set; } = 30;
}

/// <summary>One slide (and one PDF page): a chart, the key figures beside it and the speaker notes.</summary>
public sealed record PackSlide(
    string Title,
    string Subtitle,
    byte[] ChartPng,
    IReadOnlyList<string> Figures,
    IReadOnlyList<string> Milestones,
    string Notes);

/// <summary>A briefing pack: the title slide with the handover index, then one slide per chosen area.</summary>
public sealed record BriefingPack(DateOnly AsOf, bool Illustrative, string? Banner, IReadOnlyList<PackSlide> Slides)
{
    /// <summary>The moment whose published record the figures come from (docs/methodology.md, "Knowledge time"); null: the latest.</summary>
    public DateTimeOffset? KnownAt { get; init; }

    public string Footer =>
        $"BurdenShift · Data as of {Formats.Date(AsOf)}"
        + (KnownAt is { } known ? $" · Figures as published on {Core.Inputs.KnownAtQuery.Describe(known)}" : "")
        + (Illustrative ? " · ILLUSTRATIVE dataset: not published figures" : "");
}

/// <summary>Texts the PPTX and the PDF share.</summary>
public static class PackText
{
    public const string IllustrativeMark = "ILLUSTRATIVE: invented figures, not published data";
}

/// <summary>Puts a briefing pack together from the dashboard's figures; the writers turn it into PPTX and PDF.</summary>
public sealed class BriefingPacks(DashboardCache dashboard, IOptions<ExportOptions> options)
{
    private const int MilestonesOnSlide = 4;

    // Laid out at 1200x675 with larger text, drawn at 2x and placed 8.2 inches wide: about 290 dpi on the slide.
    private const int ChartWidth = 1200;
    private const int ChartHeight = 675;
    private const float ChartText = 1.45f;

    /// <summary>Packs of the figures as published at <paramref name="knownAt"/>; null: the latest.</summary>
    public BriefingPacks At(DateTimeOffset? knownAt) => knownAt is null ? this : new BriefingPacks(dashboard.At(knownAt), options);

    public Task<DashboardOverview> OverviewAsync(DateOnly asOf, CancellationToken ct = default) => dashboard.GetOverviewAsync(asOf, HistoryDepth.Chart, ct);

    /// <summary>
    /// The pack; with a <paramref name="pace"/>, every area slide is a scenario at that pace (points
    /// a year, docs/methodology.md "Scenarios"), labelled SCENARIO, beside the fitted figures. The
    /// index slide keeps the fitted trend and says so.
    /// </summary>
    public async Task<BriefingPack> BuildAsync(
        DashboardOverview overview, IReadOnlyList<string> areaKeys, IReadOnlyList<string> targets, decimal? pace = null, CancellationToken ct = default)
    {
        var slides = new List<PackSlide> { TitleSlide(overview, targets, pace) };
        foreach (var key in areaKeys)
        {
            if (await dashboard.GetAreaAsync(key, overview.AsOf, ct) is { } area)
            {
                slides.Add(AreaSlide(area, targets, pace));
            }
        }

        var banner = options.Value.Banner;
        return new BriefingPack(overview.AsOf, overview.Illustrative, string.IsNullOrWhiteSpace(banner) ? null : banner.Trim(), slides)
        {
            KnownAt = dashboard.KnownAt,
        };
    }

    private static PackSlide TitleSlide(DashboardOverview overview, IReadOnlyList<string> targets, decimal? pace)
    {
        var chart = ChartBuilder.Index(overview, targets);
        var figures = new List<string>();
        foreach (var t in overview.Index.Where(t => targets.Contains(t.Key)))
        {
            figures.Add(t.Current is { } current
                ? $"{t.Key} ({t.Label}): index {Pct(current)}, target {Pct(t.Value)} by {Formats.Date(t.Deadline)}; gap {Pts(t.Gap)}; projected {Pct(t.Projected)}; status: {Status(t.Status, t.Range)}"
                : $"{t.Key} ({t.Label}): no public figure (no area has a published Europe share); status: {Status(t.Status)}");
        }

        var first = overview.Index.Count > 0 ? overview.Index[0] : null;
        if (first is { AreasLeftOut.Count: > 0 })
        {
            var names = overview.Areas.ToDictionary(a => a.Key, a => a.Name);
            figures.Add($"Left out of the index for lack of data: {string.Join(", ", first.AreasLeftOut.Select(k => names.GetValueOrDefault(k, k)))}");
        }

        if (pace is { } p)
        {
            figures.Add($"SCENARIO: the area slides show each area's targets if its Europe share moved {ChartScenario.Rate(p, "%")} from its latest figure; this index slide keeps the fitted trend.");
        }

        var notes = Notes(chart, [
            "The handover index is the weighted mean of the areas' Europe shares (published, or derived from counts where an area's basis says so); areas without a share are left out and named, never counted as zero.",
            "Neither the 2027 nor the 2030 deadline came with an official metric: the targets are BurdenShift's reading of them (see the methodology).",
        ]);
        return new PackSlide(
            "BurdenShift briefing pack",
            $"Europe's takeover of NATO's conventional defence: the overall handover index · data as of {Formats.Date(overview.AsOf)} · targets {string.Join(", ", targets)}"
                + (pace is { } sp ? $" · area slides: SCENARIO at {ChartScenario.Rate(sp, "%")}" : ""),
            Chart(chart),
            figures,
            [],
            notes);
    }

    private static PackSlide AreaSlide(AreaDetail area, IReadOnlyList<string> targets, decimal? pace)
    {
        var scenario = pace is { } p ? new ChartScenario(p, area.TrendPerYear, Scenarios.Apply(area.Snapshot, area.Targets, p)) : null;
        var chart = ChartBuilder.Area(area, targets, scenario);
        var figures = new List<string>
        {
            area.Latest is { } l
                ? $"Latest shares{(area.ShareBasis == ShareBasisKind.Derived ? " (derived from counts)" : "")} ({Formats.Date(l.Date)}, {l.Confidence.ToWire()} confidence): Europe {Pct(l.EuropeShare)}{Span(l.EuropeShare, l.EuropeLow, l.EuropeHigh)}, US {Pct(l.UsShare)}{Span(l.UsShare, l.UsLow, l.UsHigh)}"
                : "Latest shares: no public figure",
        };
        if (area.ShareBasis == ShareBasisKind.Derived)
        {
            // Every derived figure names its pairs and counts; their sources are in the chart's source lines.
            figures.AddRange(area.Derivation.Select(p => p.Share is { } share
                ? $"{p.Label}: Europe {Formats.Number(p.EuropeValue!.Value)}{Formats.RangeSuffix(p.EuropeValue.Value, p.EuropeLow, p.EuropeHigh, Formats.Number)}, "
                    + $"US {Formats.Number(p.UsValue!.Value)}{Formats.RangeSuffix(p.UsValue.Value, p.UsLow, p.UsHigh, Formats.Number)} -> "
                    + $"{Pct(share)}{Span(share, p.ShareLow, p.ShareHigh)} (weight {Formats.Number(p.Weight)})"
                : $"{p.Label}: no figure yet"));
        }
        foreach (var t in area.Targets.Where(t => targets.Contains(t.Key)))
        {
            figures.Add(t.Current is null
                ? $"{t.Key} target ({Pct(t.Value)} by {Formats.Date(t.Deadline)}): no public figure; status: {Status(t.Status)}"
                : $"{t.Key} target ({Pct(t.Value)} by {Formats.Date(t.Deadline)}): gap {Pts(t.Gap)}; projected {Pct(t.Projected)}; status: {Status(t.Status, t.Range)}");
        }

        if (scenario is not null)
        {
            // The scenario's figures after the fitted ones: only projection, ETA and status change.
            figures.AddRange(scenario.Targets.Where(t => targets.Contains(t.Key) && t.Current is not null).Select(t =>
                $"{scenario.Label("%")}: {t.Key} projected {Pct(t.Projected)}; {Formats.Eta(new(t.Status, t.Eta, t.YearsLate))}; status: {Status(t.Status)}"));
        }

        var overdue = area.Milestones.Where(m => m.Overdue)
            .Select(m => $"Overdue: {m.Title} (due {PartialDate.Format(m.Due, m.DuePrecision)}, {m.Status.ToWire()})").ToList();
        // A slide has room for a few; the rest go to the notes rather than run into the footer.
        List<string> milestones = overdue.Count == 0 ? ["No overdue milestone"]
            : overdue.Count <= MilestonesOnSlide ? overdue
            : [.. overdue.Take(MilestonesOnSlide - 1), $"and {overdue.Count - MilestonesOnSlide + 1} more overdue milestones (listed in the notes)"];

        var caveats = new List<string>();
        if (overdue.Count > MilestonesOnSlide)
        {
            caveats.Add("All overdue milestones: " + string.Join("; ", overdue.Select(o => o["Overdue: ".Length..])));
        }

        if (area.Latest?.EuropeShare is null)
        {
            caveats.Add("No public figure gives a European share for this area on or before this date: the pack says so and shows no zero.");
        }

        if (area.ShareBasisNote is { } basis)
        {
            caveats.Add($"What the share figures measure: {basis}");
        }

        caveats.AddRange(area.Derivation.Where(p => p.Note is not null).Select(p => $"{p.Label}: {p.Note}"));
        if ((area.ShareBasis == ShareBasisKind.Derived ? area.DerivedHistory.Count : area.ShareHistory.Rows) == 1)
        {
            caveats.Add("One data point: there is no trend, so no projection is drawn.");
        }

        caveats.AddRange(area.Targets.Where(t => targets.Contains(t.Key) && t.Range is { Robust: false }).Select(t =>
            $"{t.Key} status not robust: at the pessimistic end of the source's range it is {Status(t.Range!.Pessimistic.Status)}, at the optimistic end {Status(t.Range.Optimistic.Status)}."));
        caveats.AddRange(area.Targets.Where(t => targets.Contains(t.Key)).Select(t => $"{t.Key} target: {t.Rationale} ({t.Source.Publisher})"));
        return new PackSlide(area.Name, chart.Subtitle, Chart(chart), figures, milestones, Notes(chart, caveats));
    }

    // The slide shows the chart's title and subtitle; the image keeps its sources, confidence and as-of footer.
    private static byte[] Chart(ChartModel chart) => ChartRenderer.Png(chart, ChartWidth, ChartHeight, scale: 2, textScale: ChartText, header: false);

    private static string Notes(ChartModel chart, IEnumerable<string> caveats)
    {
        var lines = new List<string>();
        lines.AddRange(chart.Notes);
        lines.AddRange(chart.SourceLines.Count == 0 ? ["Sources: none; no figure is dated on or before this date."] : chart.SourceLines);
        lines.Add(chart.LowestConfidence is { } c ? $"Lowest confidence among the figures shown: {c.ToWire()}." : "No figure shown, so no confidence to state.");
        lines.Add($"Data as of {Formats.Date(chart.AsOf)}: figures dated later are not counted.");
        if (chart.Illustrative)
        {
            lines.Add("ILLUSTRATIVE: the loaded dataset is invented for demonstration and is not drawn from published sources.");
        }

        lines.AddRange(caveats);
        return string.Join("\n", lines);
    }

    private static string Status(TargetStatus status) => Formats.StatusText(status);

    /// <summary>The status, and whether the range settles it (docs/methodology.md, "Ranges").</summary>
    private static string Status(TargetStatus status, RangeResult? range) => range switch
    {
        null => Status(status),
        { Robust: true } => $"{Status(status)} (robust across the range)",
        _ => $"{Status(status)}, NOT ROBUST: between {range.Pessimistic.Status.ToWire()} and {range.Optimistic.Status.ToWire()}",
    };

    private static string Span(decimal? value, decimal? low, decimal? high) => value is { } v ? Formats.RangeSuffix(v, low, high, Formats.Percent) : "";

    private static string Pct(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "no public figure";

    private static string Pts(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " pts" : "none";
}
