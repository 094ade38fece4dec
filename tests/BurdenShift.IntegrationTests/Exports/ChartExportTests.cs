namespace BurdenShift.IntegrationTests.Exports;

[Collection(PostgresCollection.Name)]
public sealed class ChartExportTests(PostgresServer postgres)
{
    private const string AsOf = ExportApp.AsOf;

    [Fact]
    public async Task Png_decodes_at_the_default_size_the_asked_size_and_twice_that_with_scale_2()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        var response = await app.Client.GetAsync($"/api/export/chart/drones.png?asOf={AsOf}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("burdenshift-drones-2026-06-30.png", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal((1600, 900), ExportApp.PngSize(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal((800, 450), ExportApp.PngSize(await app.GetBytesAsync($"/api/export/chart/drones.png?asOf={AsOf}&width=800&height=450", "image/png")));
        Assert.Equal((1600, 900), ExportApp.PngSize(await app.GetBytesAsync($"/api/export/chart/drones.png?asOf={AsOf}&width=800&height=450&scale=2", "image/png")));
        Assert.Equal((2400, 1400), ExportApp.PngSize(await app.GetBytesAsync($"/api/export/chart/index.png?asOf={AsOf}&width=1200&height=700&scale=2", "image/png")));
        Assert.Equal((640, 480), ExportApp.PngSize(await app.GetBytesAsync($"/api/export/chart/indicator/eu-155mm-capacity.png?asOf={AsOf}&width=640&height=480", "image/png")));
    }

    [Fact]
    public async Task Svg_of_an_area_shows_its_title_sources_lowest_confidence_targets_and_as_of_date()
    {
        await using var app = await ExportApp.StartAsync(postgres);
        var name = (await app.AreasAsync()).Single(a => a.Key == "missiles").Name;

        var texts = await app.SvgTextsAsync($"/api/export/chart/missiles.svg?asOf={AsOf}");

        Assert.Contains(name, texts);
        Assert.Contains(texts, t => t.Contains("2027 target 50% by 2027-12-31", StringComparison.Ordinal) && t.Contains("2030 target 90% by 2030-12-31", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Source: Example Institute", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Source: Other Think Tank", StringComparison.Ordinal));
        // One of the two figures is graded low: the chart states the lowest.
        Assert.Contains(texts, t => t.Contains("Lowest confidence among the figures shown: low", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Data as of 2026-06-30", StringComparison.Ordinal));
        Assert.Contains("Europe share", texts);
        Assert.Contains("US share", texts);
        Assert.DoesNotContain(texts, t => t.Contains("ILLUSTRATIVE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chosen_targets_are_the_only_ones_drawn_and_the_as_of_date_replays_the_past()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        var texts = await app.SvgTextsAsync("/api/export/chart/drones.svg?asOf=2024-12-31&targets=2030");

        Assert.Contains(texts, t => t.Contains("2030 target 90%", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("2027 target", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Data as of 2024-12-31", StringComparison.Ordinal));
        // Only the 2024 figure counts on that date: one point, so no projection is drawn.
        Assert.DoesNotContain(texts, t => t.Contains("projection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_figure_history_with_a_trend_gets_a_dashed_projection_per_chosen_target()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        var texts = await app.SvgTextsAsync($"/api/export/chart/drones.svg?asOf={AsOf}");

        Assert.Contains(texts, t => t.StartsWith("projection to 2027 (dashed)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("projection to 2030 (dashed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_area_without_a_public_figure_says_so_and_draws_no_series()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        var texts = await app.SvgTextsAsync($"/api/export/chart/cyber.svg?asOf={AsOf}");

        Assert.Contains(texts, t => t.StartsWith("No public figure", StringComparison.Ordinal));
        Assert.DoesNotContain("Europe share", texts);
        Assert.DoesNotContain("US share", texts);
        Assert.Contains(texts, t => t.Contains("Data as of 2026-06-30", StringComparison.Ordinal));

        // ISR has a US share but no European one: only the US series is drawn.
        var isr = await app.SvgTextsAsync($"/api/export/chart/isr.svg?asOf={AsOf}");
        Assert.Contains("US share", isr);
        Assert.DoesNotContain("Europe share", isr);
    }

    [Fact]
    public async Task Index_and_indicator_charts_carry_their_titles_sources_and_as_of_date()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        var index = await app.SvgTextsAsync($"/api/export/chart/index.svg?asOf={AsOf}");
        Assert.Contains("Overall handover index", index);
        // Drones and missiles (assessed) and the three areas the public record derives from counts.
        Assert.Contains(index, t => t.StartsWith("Weighted mean of the Europe shares of 5 area(s)", StringComparison.Ordinal));
        Assert.Contains(index, t => t.Contains("Data as of 2026-06-30", StringComparison.Ordinal));

        var indicators = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/indicators?asOf={AsOf}")).RootElement;
        var name = indicators.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "eu-155mm-capacity").GetProperty("name").GetString()!;
        var indicator = await app.SvgTextsAsync($"/api/export/chart/indicator/eu-155mm-capacity.svg?asOf={AsOf}");
        Assert.Contains(name, indicator);
        // The latest figure's source comes first.
        Assert.Contains(indicator, t => t.StartsWith("Source: Example Institute", StringComparison.Ordinal));
        // The public record's 2023 figure for this indicator is graded low.
        Assert.Contains(indicator, t => t.Contains("Lowest confidence among the figures shown: low", StringComparison.Ordinal));
        Assert.Contains(indicator, t => t.Contains("Data as of 2026-06-30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_illustrative_dataset_is_watermarked_on_every_chart()
    {
        await using var app = await ExportApp.StartAsync(postgres, dataset: "illustrative");

        foreach (var url in new[] { "/api/export/chart/drones.svg", "/api/export/chart/index.svg" })
        {
            var texts = await app.SvgTextsAsync($"{url}?asOf={AsOf}");
            Assert.Contains("ILLUSTRATIVE", texts);
        }
    }

    private static readonly (string Url, string Reason)[] BadRequests =
    [
        ("/api/export/chart/drones.png?width=199", "width"),
        ("/api/export/chart/drones.png?height=4001", "height"),
        ("/api/export/chart/drones.png?width=wide", "width"),
        ("/api/export/chart/drones.png?scale=3", "scale"),
        ("/api/export/chart/drones.svg?scale=2", "scale"),
        ("/api/export/chart/drones.png?targets=2029", "2029"),
        ("/api/export/chart/drones.png?targets=", "targets"),
        ("/api/export/chart/drones.png?asOf=30-06-2026", "asOf"),
        ("/api/export/chart/drones.gif", ".gif"),
        ("/api/export/chart/index.png?width=0", "width"),
        ("/api/export/chart/indicator/eu-155mm-capacity.svg?targets=x", "targets"),
        ("/api/export/chart/drones.png?pace=fast", "pace"),
        ("/api/export/chart/drones.svg?pace=1e9", "pace"),
        ("/api/export/chart/index.png?pace=2", "index has no scenario"),
    ];

    [Fact]
    public async Task A_pace_draws_a_scenario_that_every_title_projection_and_caption_calls_a_scenario()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        var fitted = await app.SvgTextsAsync($"/api/export/chart/drones.svg?asOf={AsOf}");
        var scenario = await app.SvgTextsAsync($"/api/export/chart/drones.svg?asOf={AsOf}&pace=20");

        Assert.DoesNotContain(fitted, t => t.Contains("SCENARIO", StringComparison.Ordinal));
        Assert.Contains(scenario, t => t.Contains("SCENARIO: +20 pts/yr", StringComparison.Ordinal) && t.Contains("in place of the fitted trend", StringComparison.Ordinal));
        Assert.Contains(scenario, t => t.StartsWith("SCENARIO: +20 pts/yr: projection to 2027", StringComparison.Ordinal));
        Assert.Contains(scenario, t => t.StartsWith("SCENARIO: +20 pts/yr: the projections assume this pace", StringComparison.Ordinal));
        Assert.Contains(scenario, t => t.Contains("Data as of 2026-06-30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_parameters_get_a_400_that_names_the_reason()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        foreach (var (url, reason) in BadRequests)
        {
            var response = await app.Client.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_areas_and_indicators_get_a_404_that_names_them()
    {
        await using var app = await ExportApp.StartAsync(postgres);

        foreach (var (url, key) in new[] { ("/api/export/chart/atlantis.png", "atlantis"), ("/api/export/chart/indicator/unicorns.svg", "unicorns") })
        {
            var response = await app.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Exports_need_a_signed_in_user_when_public_read_is_off()
    {
        await using var app = await ExportApp.StartAsync(postgres, settings: ("Auth:PublicRead", "false"));

        foreach (var url in new[] { "/api/export/chart/drones.png", "/api/export/chart/index.svg", "/api/export/pack.pdf" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Postgres_renders_the_same_chart_texts_as_sqlite()
    {
        await using var sqlite = await ExportApp.StartAsync(postgres);
        await using var pg = await ExportApp.StartAsync(postgres, DatabaseProvider.Postgres);

        foreach (var url in new[] { $"/api/export/chart/drones.svg?asOf={AsOf}", $"/api/export/chart/index.svg?asOf={AsOf}" })
        {
            Assert.Equal(await sqlite.SvgTextsAsync(url), await pg.SvgTextsAsync(url));
        }
    }
}
