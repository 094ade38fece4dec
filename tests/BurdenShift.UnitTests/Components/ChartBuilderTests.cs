using BurdenShift.Core.Dashboard;
using BurdenShift.Web.Components.Shared.Charts;
using BurdenShift.Web.Exports;

namespace BurdenShift.UnitTests.Components;

/// <summary>The page and the exports draw one model: same series, styles, projections and caption.</summary>
public sealed class ChartBuilderTests
{
    private static readonly SourceRef Sipri = new("sipri", "SIPRI", "Arms transfers 2025", null, Confidence.Medium);
    private static readonly SourceRef Iiss = new("iiss", "IISS", "Military Balance 2026", null, Confidence.Low);

    private static AreaDetail Area(decimal? trend, params AssessmentRow[] rows) => new(
        "isr", "ISR", new DateOnly(2026, 6, 30), false,
        rows.Length == 0 ? null : new LatestShare(rows[^1].AsOf, rows[^1].DatePrecision, rows[^1].EuropeShare, rows[^1].UsShare, rows[^1].Confidence, rows[^1].Source, null),
        trend,
        [Target("2027", 50m, new DateOnly(2027, 12, 31)), Target("2030", 90m, new DateOnly(2030, 12, 31))],
        ShareBasisKind.Assessed, [], null, "Intelligence", null, [.. rows.Reverse()], [], [], History(rows), new Dictionary<string, SeriesHistory>(), []);

    // What the database gives for these rows: every row as a point, each source with its rows' lowest confidence.
    private static SeriesHistory History(AssessmentRow[] rows) => new(rows.Length, false,
        [
            new HistoryLine(HistoryReads.EuropeLine, [.. rows.Where(r => r.EuropeShare is not null).Select(r => new DatedValue(r.AsOf, r.EuropeShare!.Value))]),
            new HistoryLine(HistoryReads.UsLine, [.. rows.Where(r => r.UsShare is not null).Select(r => new DatedValue(r.AsOf, r.UsShare!.Value))]),
        ],
        [.. rows.GroupBy(r => r.Source.Key).Select(g => new CitedSource(g.First().Source, g.Min(r => r.Confidence), g.Count()))]);

    private static TargetResult Target(string key, decimal value, DateOnly deadline) => new(
        key, key, deadline, value, "why", Sipri, 45m, new DateOnly(2026, 1, 1), value - 45m, 2m, 48m, null, null,
        Core.Domain.Engine.TargetStatus.OffTrack, Confidence.Low, new Core.Domain.Engine.MilestoneRollup(0, 0, 0));

    private static AssessmentRow Row(int year, decimal? europe, decimal? us, SourceRef source) => new(
        year, new DateOnly(year, 1, 1), DatePrecision.Day, europe, us, source.Confidence, source, null, "editor", DateTimeOffset.UnixEpoch);

    [Fact]
    public void An_area_draws_europe_and_us_with_fixed_styles_and_projects_only_with_a_trend()
    {
        var chart = ChartBuilder.Area(Area(2m, Row(2024, 40m, 60m, Iiss), Row(2026, 45m, 55m, Sipri)));
        var flat = ChartBuilder.Area(Area(null, Row(2026, null, 55m, Sipri)));

        Assert.Equal([(ChartBuilder.EuropeShare, ChartStyle.Europe), (ChartBuilder.UsShare, ChartStyle.Us)], chart.Series.Select(s => (s.Name, s.Style)));
        Assert.Equal(["projection to 2027", "projection to 2030"], chart.Projections.Select(p => p.Label));
        Assert.Equal(["2027 target", "2030 target"], chart.TargetLines.Select(t => t.Name));
        // A US series alone keeps the US style rather than taking Europe's colour.
        Assert.Equal(ChartStyle.Us, Assert.Single(flat.Series).Style);
        Assert.Empty(flat.Projections);
    }

    [Fact]
    public void The_caption_names_latest_sources_first_the_lowest_confidence_and_the_date()
    {
        var chart = ChartBuilder.Area(Area(2m, Row(2024, 40m, 60m, Iiss), Row(2026, 45m, 55m, Sipri)));

        Assert.Equal(
        [
            "Source: SIPRI, Arms transfers 2025",
            "Source: IISS, Military Balance 2026",
            "Lowest confidence among the figures shown: low · Data as of 2026-06-30",
        ], chart.CaptionLines);
    }

    [Fact]
    public void The_page_prints_the_caption_and_legend_that_the_export_prints()
    {
        using var ctx = new BunitContext();
        var chart = ChartBuilder.Area(Area(2m, Row(2024, 40m, 60m, Iiss), Row(2026, 45m, 55m, Sipri)));

        var page = ctx.Render<LineChart>(p => p.Add(c => c.Chart, chart));

        Assert.Equal(ChartRenderer.FooterLines(chart), page.FindAll(".chart-caption-line").Select(l => l.TextContent));
        var legend = page.Find(".chart-legend").TextContent;
        Assert.All(chart.Series, s => Assert.Contains(s.Name, legend, StringComparison.Ordinal));
    }

    [Fact]
    public void A_derived_area_draws_its_derived_series_labelled_as_derived_and_names_each_pair_and_count_source()
    {
        var pair = new PairResult(1, "Tanker aircraft", 1m, "tankers-europe", "tankers-us", "aircraft", 60m, 605m, 9.02m,
            new DateOnly(2025, 12, 31), Confidence.Medium, new DateOnly(2019, 12, 31), new DateOnly(2025, 12, 31), Sipri, Iiss, null);
        var area = Area(0.5m, Row(2014, null, 90m, Sipri)) with
        {
            ShareBasis = ShareBasisKind.Derived,
            Derivation = [pair],
            DerivedHistory = [new(new DateOnly(2019, 12, 31), 8.9m, 0, Confidence.Medium), new(new DateOnly(2025, 12, 31), 9.02m, 1, Confidence.Medium)],
        };

        var chart = ChartBuilder.Area(area);

        Assert.Equal([ChartBuilder.EuropeDerived, ChartBuilder.UsDerived, "US share (assessed)"], chart.Series.Select(s => s.Name));
        Assert.Equal(ChartStyle.Europe, chart.Series[0].Style);
        Assert.Equal([91.1m, 90.98m], chart.Series[1].Points.Select(p => p.Value));
        Assert.Equal("Derived from counts. Tanker aircraft: Europe 60, US 605 aircraft -> 9%, weight 1 (2025-12-31, medium)", Assert.Single(chart.Notes));
        Assert.Equal(["sipri", "iiss"], chart.Sources.Select(s => s.Key));
    }
}
