namespace BurdenShift.IntegrationTests;

/// <summary>"What if Europe only keeps this pace?": the scenario endpoints, figures worked out by hand.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScenarioApiTests(PostgresServer postgres)
{
    // Drones: 30% on 2024-06-30 and 38.5% on 2025-06-30; the 2027 target is 50% by 2027-12-31.
    private const string Shares = """
        area,as_of,europe_share,us_share,source,confidence,note
        drones,2024-06-30,30,60,Example Institute,medium,
        drones,2025-06-30,38.5,55,Example Institute,medium,
        """;

    private static async Task<(AppFactory App, HttpClient Client, TestDatabase Database)> StartAsync(PostgresServer postgres, DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var app = AppFactory.For(database, time: FixedTime.Default);
        var result = await app.Services.GetRequiredService<FigureImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Shares)), "test", dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return (app, app.CreateClient(), database);
    }

    private static JsonElement Target(JsonElement body, string key) =>
        body.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_pace_replaces_the_trend_in_projection_eta_and_status_but_not_in_gap_or_required_rate(DatabaseProvider provider)
    {
        var (app, client, database) = await StartAsync(postgres, provider);
        await using var _ = database;
        await using var __ = app;
        using var ___ = client;

        var fitted = JsonDocument.Parse(await client.GetStringAsync("/api/areas/drones?asOf=2026-06-30")).RootElement;
        var still = JsonDocument.Parse(await client.GetStringAsync("/api/areas/drones/scenario?asOf=2026-06-30&pace=0")).RootElement;
        var fast = JsonDocument.Parse(await client.GetStringAsync("/api/areas/drones/scenario?asOf=2026-06-30&pace=20")).RootElement;

        // No movement: the share stays at 38.5, below the at-risk threshold 45 (50 - 10% of |50 - 0|), with no ETA.
        var stillTarget = Target(still, "2027");
        Assert.Equal(0m, still.GetProperty("pace").GetDecimal());
        Assert.Equal(fitted.GetProperty("trendPerYear").GetDecimal(), still.GetProperty("fittedTrendPerYear").GetDecimal());
        Assert.Equal(38.5m, stillTarget.GetProperty("projected").GetDecimal());
        Assert.Equal("off-track", stillTarget.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, stillTarget.GetProperty("eta").ValueKind);

        // 20 points a year from 38.5 on 2025-06-30: 50 is reached after 0.575 years (210 days), and
        // 914 days later, on 2027-12-31, the projection is 38.5 + 20 x 914 / 365.25 = 88.55.
        var fastTarget = Target(fast, "2027");
        Assert.Equal("on-track", fastTarget.GetProperty("status").GetString());
        Assert.Equal("2026-01-26", fastTarget.GetProperty("eta").GetString());
        Assert.InRange(fastTarget.GetProperty("projected").GetDecimal(), 88.54m, 88.56m);

        // Gap and required rate are the fitted dashboard's, whatever the pace.
        var fittedTarget = Target(fitted, "2027");
        foreach (var target in new[] { stillTarget, fastTarget })
        {
            Assert.Equal(11.5m, target.GetProperty("gap").GetDecimal());
            Assert.Equal(fittedTarget.GetProperty("requiredPerYear").GetDecimal(), target.GetProperty("requiredPerYear").GetDecimal());
        }
    }

    [Theory]
    [InlineData("/api/areas/drones/scenario?asOf=2026-06-30", "Invalid pace")]
    [InlineData("/api/areas/drones/scenario?pace=fast", "Invalid pace")]
    [InlineData("/api/areas/drones/scenario?pace=1e3", "Invalid pace")]
    [InlineData("/api/areas/drones/scenario?pace=2,5", "Invalid pace")]
    [InlineData("/api/areas/drones/scenario?pace=99999999999", "Invalid pace")]
    [InlineData("/api/areas/drones/scenario?pace=0.0000001", "Invalid pace")]
    [InlineData("/api/areas/drones/scenario?pace=1&asOf=2026-13-01", "Invalid asOf")]
    [InlineData("/api/indicators/eu-155mm-capacity/scenario?pace=NaN", "Invalid pace")]
    public async Task A_bad_pace_or_date_gets_a_400_problem_with_the_reason(string url, string title)
    {
        var (app, client, database) = await StartAsync(postgres, DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var __ = app;
        using var ___ = client;

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/api/areas/no-such-area/scenario?pace=1")]
    [InlineData("/api/indicators/no-such-indicator/scenario?pace=1")]
    public async Task An_unknown_key_gets_a_404_problem(string url)
    {
        var (app, client, database) = await StartAsync(postgres, DatabaseProvider.Sqlite);
        await using var _ = database;
        await using var __ = app;
        using var ___ = client;

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
