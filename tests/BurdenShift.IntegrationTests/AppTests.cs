using System.Text.RegularExpressions;

namespace BurdenShift.IntegrationTests;

/// <summary>The app started on a fresh database: migrated, seeded, healthy and serving the overview.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AppTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_fresh_database_is_migrated_seeded_and_reported_ready(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database);
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_goes_away()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        await using var app = AppFactory.For(database);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await postgres.DropDatabaseAsync(database.ConnectionString);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_overview_lists_every_area_with_its_source_or_says_no_public_figure()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        foreach (var key in new[] { "isr", "air-defence", "missiles", "ammunition", "drones", "cyber", "enablers" })
        {
            Assert.Contains($"data-area=\"{key}\"", html);
        }

        Assert.Contains("no public figure", html);
        Assert.Contains("80%", html); // the 2011 Libya ISR proxy, with its source
        Assert.Contains("Flight International", html); // enablers: derived from counts, citing each count's source
        Assert.DoesNotContain("ILLUSTRATIVE", html);
    }

    [Fact]
    public async Task The_overview_measures_every_indicator_that_has_a_target_even_where_no_share_is_published()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/?asOf=2026-06-30");

        // The public record's three indicators with a target, one row per target, each with a status and a pace.
        var rows = Regex.Matches(html, "data-glance=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["europe-canada-defence-pct-gdp|2035", "us-share-conventional-capability|2032", "eu-155mm-capacity|2027"], rows);
        var shells = html[html.IndexOf("data-glance=\"eu-155mm-capacity|2027\"", StringComparison.Ordinal)..];
        shells = shells[..shells.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("1,400,000", shells);
        Assert.Contains("2,000,000 by 2027-12-31", shells);
        Assert.Contains("on track", shells);
        Assert.Contains("European Commission", shells); // the latest value cites its source
        Assert.Contains("href=\"areas/ammunition?asOf=2026-06-30#indicator-eu-155mm-capacity\"", shells);
    }

    [Fact]
    public async Task The_illustrative_dataset_is_watermarked_on_the_overview()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "illustrative");
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("ILLUSTRATIVE", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/areas")]
    [InlineData("/api/nothing-here")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none");
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
