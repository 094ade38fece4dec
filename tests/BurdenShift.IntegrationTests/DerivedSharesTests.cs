using BurdenShift.Core.Domain.Engine;
using BurdenShift.Web.Exports;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// Shares derived from counts (docs/methodology.md, "Shares derived from counts") on the shipped
/// public record: every derived area has a computed figure and status, the index is computed, and
/// every derived figure names its pairs, counts and sources, identically on both providers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DerivedSharesTests(PostgresServer postgres)
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static readonly string[] Endpoints =
    [
        "/api/areas?asOf=2026-06-30",
        "/api/areas/enablers?asOf=2026-06-30",
        "/api/areas/ammunition?asOf=2024-06-30",
        "/api/areas/ammunition?asOf=2022-01-31",
        "/api/index?asOf=2026-06-30",
        "/api/index?asOf=2023-06-30",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task On_the_public_record_every_derived_area_has_a_status_and_the_index_is_computed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        var overview = await app.Services.GetRequiredService<DashboardService>().GetOverviewAsync(AsOf);

        var derived = overview.Areas.Where(a => a.ShareBasis == ShareBasisKind.Derived).ToList();
        Assert.Equal(["air-defence", "ammunition", "enablers"], derived.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.All(derived, a =>
        {
            Assert.NotNull(a.Latest?.EuropeShare);
            Assert.Equal(100m - a.Latest!.EuropeShare!.Value, a.Latest.UsShare);
            Assert.All(a.Targets, t => Assert.NotEqual(TargetStatus.NoData, t.Status));
            Assert.StartsWith("Derived from counts: ", a.Latest.Note);
            Assert.NotEmpty(a.Derivation);
            Assert.All(a.Derivation, p =>
            {
                Assert.Contains(p.Label, a.Latest.Note);
                Assert.NotNull(p.Share);
                Assert.NotNull(p.EuropeSource?.Url);
                Assert.NotNull(p.UsSource?.Url);
            });
        });
        Assert.All(overview.Index, i =>
        {
            Assert.NotNull(i.Current);
            Assert.NotEqual(TargetStatus.NoData, i.Status);
            Assert.Contains("enablers", i.AreasIncluded);
        });

        // Tankers, worked out by hand: Europe 60 (Dec 2019) against the US 605 (2025): 60 / 665.
        var tankers = derived.Single(a => a.Key == "enablers").Derivation.Single(p => p.Label == "Tanker aircraft");
        Assert.Equal(60m, tankers.EuropeValue);
        Assert.Equal(605m, tankers.UsValue);
        Assert.Equal(Math.Round(6000m / 665m, 12), tankers.Share);
        Assert.Equal(new DateOnly(2025, 12, 31), tankers.Date);

        // Air defence: Diehl gives 400-500 IRIS-T SLM a year, the US count has no range: 400 / 1000 = 40%
        // at the point and the low end, 500 / 1100 at the high end; the US share mirrors it.
        var airDefence = derived.Single(a => a.Key == "air-defence");
        var interceptors = Assert.Single(airDefence.Derivation);
        Assert.Equal((40m, 40m, Math.Round(50000m / 1100m, 12)), (interceptors.Share!.Value, interceptors.ShareLow!.Value, interceptors.ShareHigh!.Value));
        Assert.Equal((400m, 500m), (interceptors.EuropeLow ?? interceptors.EuropeValue!.Value, interceptors.EuropeHigh!.Value));
        Assert.Equal((40m, 45.454545454545m, 54.545454545455m, 60m),
            (airDefence.Latest!.EuropeLow!.Value, airDefence.Latest.EuropeHigh!.Value, airDefence.Latest.UsLow!.Value, airDefence.Latest.UsHigh!.Value));
        Assert.Contains("Europe 400 (range 400–500), US 600 -> 40% (range 40%–45.5%)", airDefence.Latest.Note);
        Assert.All(airDefence.Targets, t => Assert.NotNull(t.Range));

        // The Secretary General's statement sits beside the index, dated and sourced; it is no area's figure.
        var statement = Assert.Single(overview.Statements);
        Assert.Equal(44m, statement.Value);
        Assert.Equal(new DateOnly(2025, 5, 26), statement.Date);
        Assert.Equal(30m, statement.AimValue);
        Assert.Equal(new DateOnly(2032, 12, 31), statement.AimDeadline);
        Assert.StartsWith("ANSA", statement.Source.Publisher);
    }

    [Fact]
    public async Task Ammunition_derives_a_series_with_a_trend_from_counts_of_different_dates()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        var dashboard = app.Services.GetRequiredService<DashboardService>();

        var ammunition = (await dashboard.GetAreaAsync("ammunition", AsOf))!;
        // 2022-02 300k/174k, 2023-03 500k/300k, 2023-09 500k/336k, 2024-01 1M/336k, 2024-12 1.4M/336k, 2025-07 1.4M/480k.
        Assert.Equal(
            [new DateOnly(2022, 2, 28), new DateOnly(2023, 3, 31), new DateOnly(2023, 9, 30), new DateOnly(2024, 1, 31), new DateOnly(2024, 12, 31), new DateOnly(2025, 7, 31)],
            ammunition.DerivedHistory.Select(p => p.Date));
        Assert.Equal(62.5m, ammunition.DerivedHistory[1].Value);
        Assert.Equal(Math.Round(140_000m / 1_880m, 12), ammunition.Latest!.EuropeShare);
        Assert.NotNull(ammunition.TrendPerYear);
        Assert.Contains(ammunition.Indicators, i => i.Key == "us-155mm-output");

        // Before the US count began, the pair is undefined: no figure, and the reading says why.
        var early = (await dashboard.GetAreaAsync("ammunition", new DateOnly(2022, 1, 31)))!;
        Assert.Null(early.Latest);
        var pair = Assert.Single(early.Derivation);
        Assert.Null(pair.Share);
        Assert.Null(pair.EuropeValue);
        Assert.All(early.Targets, t => Assert.Equal(TargetStatus.NoData, t.Status));

        // The overview (trend window) and the area page (every count) agree.
        var summary = (await dashboard.GetOverviewAsync(AsOf)).Areas.Single(a => a.Key == "ammunition");
        Assert.Equal(ammunition.Latest, summary.Latest);
        Assert.Equal(ammunition.TrendPerYear, summary.TrendPerYear);
        Assert.Equal(ammunition.Targets, summary.Targets);
    }

    [Fact]
    public async Task A_new_count_moves_the_derived_share_its_status_and_the_index()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        var dashboard = app.Services.GetRequiredService<DashboardService>();
        var before = await dashboard.GetOverviewAsync(AsOf);

        var csv = "indicator,as_of,value,source,confidence,note\ntankers-europe,2026-03-31,400,Example Institute,medium,\n";
        var result = await app.Services.GetRequiredService<FigureImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test", dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));

        var after = await dashboard.GetOverviewAsync(AsOf);
        var enablers = after.Areas.Single(a => a.Key == "enablers");
        Assert.Equal(new DateOnly(2026, 3, 31), enablers.Latest!.Date);
        Assert.True(enablers.Latest.EuropeShare > before.Areas.Single(a => a.Key == "enablers").Latest!.EuropeShare);
        Assert.True(after.Index[0].Current > before.Index[0].Current);
    }

    [Fact]
    public async Task Sqlite_and_postgres_give_identical_json_for_derived_areas()
    {
        var sqlite = await ReadAllAsync(DatabaseProvider.Sqlite);
        var pg = await ReadAllAsync(DatabaseProvider.Postgres);
        foreach (var url in Endpoints)
        {
            Assert.Equal(sqlite[url], pg[url]);
        }

        using var json = JsonDocument.Parse(sqlite["/api/areas/enablers?asOf=2026-06-30"]);
        var area = json.RootElement;
        Assert.Equal("derived", area.GetProperty("shareBasis").GetString());
        var tankers = area.GetProperty("derivation").EnumerateArray().First();
        Assert.Equal("Tanker aircraft", tankers.GetProperty("label").GetString());
        Assert.Equal(1m, tankers.GetProperty("weight").GetDecimal());
        Assert.Equal("tankers-europe", tankers.GetProperty("europeIndicator").GetString());
        Assert.Equal("tankers-us", tankers.GetProperty("usIndicator").GetString());
        Assert.Equal(60m, tankers.GetProperty("europeValue").GetDecimal());
        Assert.Equal(605m, tankers.GetProperty("usValue").GetDecimal());
        Assert.Equal("2025-12-31", tankers.GetProperty("date").GetString());
        Assert.Equal("medium", tankers.GetProperty("confidence").GetString());
        Assert.Equal(9.022556390977m, tankers.GetProperty("share").GetDecimal());

        using var areas = JsonDocument.Parse(sqlite["/api/areas?asOf=2026-06-30"]);
        var cyber = areas.RootElement.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "cyber");
        Assert.Equal("assessed", cyber.GetProperty("shareBasis").GetString());
        Assert.Empty(cyber.GetProperty("derivation").EnumerateArray());

        // Before either side was counted: the pair is there, with null values.
        using var early = JsonDocument.Parse(sqlite["/api/areas/ammunition?asOf=2022-01-31"]);
        var pair = early.RootElement.GetProperty("derivation").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, pair.GetProperty("share").ValueKind);
        Assert.Equal(JsonValueKind.Null, pair.GetProperty("europeValue").ValueKind);
        Assert.Equal(JsonValueKind.Null, pair.GetProperty("date").ValueKind);
    }

    [Fact]
    public async Task Every_export_of_a_derived_area_names_its_pairs_counts_and_sources()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();
        var overview = await app.Services.GetRequiredService<DashboardService>().GetOverviewAsync(AsOf);
        var derived = overview.Areas.Where(a => a.ShareBasis == ShareBasisKind.Derived).ToList();
        var sources = derived.ToDictionary(a => a.Key, a => a.Derivation.SelectMany(p => new[] { p.EuropeSource!, p.UsSource! }).ToList());

        // The areas table: basis and the note naming every pair; the pairs table: every count with its source.
        var areasCsv = await client.GetStringAsync("/api/export/data/areas.csv?asOf=2026-06-30");
        foreach (var area in derived)
        {
            var pairsCsv = await client.GetStringAsync($"/api/export/data/areas/{area.Key}.csv?asOf=2026-06-30&table=pairs");
            foreach (var pair in area.Derivation)
            {
                Assert.Contains(pair.Label, areasCsv);
                Assert.Contains(pair.Label, pairsCsv);
            }

            Assert.All(sources[area.Key], s => Assert.Contains(s.Key, pairsCsv));
        }

        Assert.Contains(",derived,\"Derived from counts: Tanker aircraft: Europe 60, US 605", areasCsv);

        // Charts and packs: the series say "derived", the source lines name each pair and each count's source.
        await using var scope = app.Services.CreateAsyncScope();
        var packs = scope.ServiceProvider.GetRequiredService<BriefingPacks>();
        var pack = await packs.BuildAsync(await packs.OverviewAsync(AsOf), [.. derived.Select(a => a.Key)], ["2027", "2030"]);
        foreach (var area in derived)
        {
            var chart = (await scope.ServiceProvider.GetRequiredService<ExportCharts>().AreaAsync(area.Key, AsOf, ["2027"]))!;
            Assert.Contains(chart.Series, s => s.Name == "Europe share (derived from counts)");
            var slide = pack.Slides.Single(s => s.Title == area.Name);
            Assert.Contains(slide.Figures, f => f.Contains("(derived from counts)", StringComparison.Ordinal));
            foreach (var pair in area.Derivation)
            {
                Assert.Contains(chart.Notes, l => l.StartsWith($"Derived from counts. {pair.Label}: Europe ", StringComparison.Ordinal));
                Assert.Contains(slide.Figures, f => f.StartsWith($"{pair.Label}: Europe ", StringComparison.Ordinal));
            }

            Assert.All(sources[area.Key], s => Assert.Contains($"Source: {s.Publisher}, {s.Title}", chart.SourceLines));
            Assert.All(sources[area.Key], s => Assert.Contains($"Source: {s.Publisher}, {s.Title}", slide.Notes));
        }

        var index = (await scope.ServiceProvider.GetRequiredService<ExportCharts>().IndexAsync(AsOf, ["2027"]));
        Assert.All(sources.Values.SelectMany(v => v), s => Assert.Contains($"Source: {s.Publisher}, {s.Title}", index.SourceLines));
    }

    private async Task<Dictionary<string, string>> ReadAllAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();
        var bodies = new Dictionary<string, string>();
        foreach (var url in Endpoints)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies[url] = await response.Content.ReadAsStringAsync();
        }

        return bodies;
    }
}
