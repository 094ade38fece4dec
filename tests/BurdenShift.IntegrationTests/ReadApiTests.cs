namespace BurdenShift.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class ReadApiTests(PostgresServer postgres)
{
    private const string Shares = """
        area,as_of,europe_share,us_share,source,confidence,note
        drones,2024-06-30,30,60,Example Institute,medium,
        drones,2025-06-30,38.5,55,Example Institute,medium,
        ammunition,2023-12-31,40,50,Example Institute,high,
        ammunition,2025-12-31,44.25,48,Example Institute,low,
        isr,2025-09-30,,80,reuters-2027,low,US share only
        """;

    private const string Observations = """
        indicator,as_of,value,source,confidence,note
        eu-155mm-capacity,2025-12-31,1900000,Example Institute,medium,
        us-share-nato-spending,2026-03-31,58.5,Example Institute,medium,
        """;

    private static readonly string[] Endpoints =
    [
        "/api/areas?asOf=2026-06-30",
        "/api/areas/drones?asOf=2026-06-30",
        "/api/areas/ammunition?asOf=2025-01-01",
        "/api/indicators?asOf=2026-06-30",
        "/api/index?asOf=2026-06-30",
        "/api/index?asOf=2024-12-31",
        "/api/areas/drones/scenario?asOf=2026-06-30&pace=20",
        "/api/indicators/eu-155mm-capacity/scenario?asOf=2026-06-30&pace=-50000",
    ];

    private static async Task ImportAsync(AppFactory app, string csv)
    {
        var result = await app.Services.GetRequiredService<FigureImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test", dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    private static async Task<Dictionary<string, string>> ReadAllAsync(PostgresServer postgres, DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();
        await ImportAsync(app, Shares);
        await ImportAsync(app, Observations);

        var bodies = new Dictionary<string, string>();
        foreach (var url in Endpoints)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies[url] = await response.Content.ReadAsStringAsync();
        }

        return bodies;
    }

    [Fact]
    public async Task Sqlite_and_postgres_give_identical_json_for_the_same_data()
    {
        var sqlite = await ReadAllAsync(postgres, DatabaseProvider.Sqlite);
        var pg = await ReadAllAsync(postgres, DatabaseProvider.Postgres);

        foreach (var url in Endpoints)
        {
            Assert.Equal(sqlite[url], pg[url]);
        }
    }

    [Fact]
    public async Task The_overview_reports_the_figures_worked_out_by_hand()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none", FixedTime.Default);
        using var client = app.CreateClient();
        await ImportAsync(app, Shares);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/areas?asOf=2026-06-30"));
        var drones = json.RootElement.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "drones");
        var t2027 = drones.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "2027");

        // 30 -> 38.5 over 365 days: 8.5 * 365.25 / 365 = 8.50582... a year. Gap 50 - 38.5 = 11.5.
        // Projected at 2027-12-31 (914 days after 2025-06-30): 38.5 + 8.5 * 914 / 365 = 59.78493: on track.
        // ETA: 11.5 / 8.50582 years = 11.5 * 365 / 8.5 days = 493.8 -> 494 days after 2025-06-30 = 2026-11-06.
        Assert.Equal("2026-06-30", drones.GetProperty("asOf").GetString());
        Assert.Equal(38.5m, drones.GetProperty("latest").GetProperty("europeShare").GetDecimal());
        Assert.Equal("medium", drones.GetProperty("latest").GetProperty("confidence").GetString());
        Assert.Equal("Example Institute", drones.GetProperty("latest").GetProperty("source").GetProperty("publisher").GetString());
        Assert.Equal(8.50582, (double)drones.GetProperty("trendPerYear").GetDecimal(), 5);
        Assert.Equal(11.5m, t2027.GetProperty("gap").GetDecimal());
        Assert.Equal(59.78493, (double)t2027.GetProperty("projected").GetDecimal(), 5);
        Assert.Equal("2026-11-06", t2027.GetProperty("eta").GetString());
        Assert.Equal("on-track", t2027.GetProperty("status").GetString());

        // ISR has only a US share: Europe's series has no data, and the latest figure still shows.
        var isr = json.RootElement.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "isr");
        Assert.Equal(JsonValueKind.Null, isr.GetProperty("latest").GetProperty("europeShare").ValueKind);
        Assert.Equal(80m, isr.GetProperty("latest").GetProperty("usShare").GetDecimal());
        Assert.All(isr.GetProperty("targets").EnumerateArray(), t => Assert.Equal("no-data", t.GetProperty("status").GetString()));

        // An area with no assessment at all has no latest figure, never a zero.
        var cyber = json.RootElement.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "cyber");
        Assert.Equal(JsonValueKind.Null, cyber.GetProperty("latest").ValueKind);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Replaying_a_date_ignores_figures_dated_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();
        await ImportAsync(app, Shares);
        var urls = new[] { "/api/areas?asOf=2025-12-31", "/api/areas/drones?asOf=2025-12-31", "/api/index?asOf=2025-12-31" };
        var before = await Task.WhenAll(urls.Select(client.GetStringAsync));

        await ImportAsync(app, "area,as_of,europe_share,us_share,source,confidence,note\ndrones,2026-03-31,47,45,Example Institute,medium,later\n");

        var after = await Task.WhenAll(urls.Select(client.GetStringAsync));
        Assert.Equal(before, after);
        Assert.Contains("47", await client.GetStringAsync("/api/areas/drones?asOf=2026-06-30"));
    }

    [Theory]
    [InlineData("/api/areas?asOf=2026-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/areas?asOf=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/areas?asOf=30/06/2026", HttpStatusCode.BadRequest)]
    [InlineData("/api/areas/drones?asOf=2026-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/api/indicators?asOf=26-06-30", HttpStatusCode.BadRequest)]
    [InlineData("/api/index?asOf=%00", HttpStatusCode.BadRequest)]
    [InlineData("/api/areas/atlantis", HttpStatusCode.NotFound)]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    public async Task A_bad_request_gets_problem_details_never_a_server_error(string url, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none");
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Without_asOf_the_api_answers_for_today()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none", FixedTime.Default);
        using var client = app.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/areas"));

        Assert.All(json.RootElement.EnumerateArray(), a => Assert.Equal("2026-07-01", a.GetProperty("asOf").GetString()));
    }

    [Fact]
    public async Task The_illustrative_dataset_says_so_in_every_answer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "illustrative");
        using var client = app.CreateClient();

        using var areas = JsonDocument.Parse(await client.GetStringAsync("/api/areas?asOf=2026-06-30"));
        using var index = JsonDocument.Parse(await client.GetStringAsync("/api/index?asOf=2026-06-30"));

        Assert.All(areas.RootElement.EnumerateArray(), a => Assert.True(a.GetProperty("illustrative").GetBoolean()));
        Assert.All(index.RootElement.EnumerateArray(), a => Assert.True(a.GetProperty("illustrative").GetBoolean()));
        // Every area has an illustrative history, so the index has a value and a status.
        Assert.All(index.RootElement.EnumerateArray(), t => Assert.NotEqual("no-data", t.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_read_api()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none");
        using var client = app.CreateClient();

        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/areas", "/api/areas/{key}", "/api/indicators", "/api/index" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        }
    }
}
