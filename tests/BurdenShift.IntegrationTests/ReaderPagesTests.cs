namespace BurdenShift.IntegrationTests;

/// <summary>
/// Anonymous readers get the overview as a static page, signed-in users an interactive one
/// (docs/decisions/0015); static pages follow the data version through <c>/live/version</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReaderPagesTests(PostgresServer postgres)
{
    // The comment Blazor writes where an interactive Server component will start its circuit.
    private const string CircuitMarker = "Blazor:{\"type\":\"server\"";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_anonymous_overview_is_static_and_carries_its_data_version_a_signed_in_one_is_interactive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database);
        using var anonymous = app.CreateClient();

        var page = await anonymous.GetStringAsync("/?asOf=2026-06-30");
        Assert.DoesNotContain(CircuitMarker, page, StringComparison.Ordinal);
        Assert.Contains("data-static-page=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"interactive\"", page, StringComparison.Ordinal); // sent complete: settled as it arrives
        Assert.Contains("tr data-area=\"isr\"", page, StringComparison.Ordinal);

        using var version = await anonymous.GetAsync("/live/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Contains("no-store", version.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var live = JsonDocument.Parse(await version.Content.ReadAsStringAsync());
        var token = live.RootElement.GetProperty("version").GetString();
        Assert.Contains($"data-live-version=\"{token}\"", page, StringComparison.Ordinal);

        // Other pages, and the overview for a signed-in user, keep their circuits.
        Assert.Contains(CircuitMarker, await anonymous.GetStringAsync("/compare"), StringComparison.Ordinal);
        using var signedIn = app.CreateClient();
        signedIn.DefaultRequestHeaders.Add("Cookie", $"BurdenShift.Auth={await AuthCookie.ForAsync(app, Roles.Viewer, "reader@example.org")}");
        var theirs = await signedIn.GetStringAsync("/?asOf=2026-06-30");
        Assert.Contains(CircuitMarker, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("data-static-page", theirs, StringComparison.Ordinal);

        // The sign-in form is static as well, but does not follow the figures: a data change must not
        // render it again under a half-typed password.
        var signIn = await anonymous.GetStringAsync("/account/signin");
        Assert.Contains("data-static-page=\"true\"", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("data-live-version", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"live-notice\"", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_values_that_are_not_the_type_a_page_reads_are_ignored_not_a_crash()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database);
        using var anonymous = app.CreateClient();
        using var signIn = await anonymous.GetAsync("/account/signin?expired=maybe");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.DoesNotContain("signin-expired", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var editor = app.CreateClient();
        editor.DefaultRequestHeaders.Add("Cookie", $"BurdenShift.Auth={await AuthCookie.ForAsync(app, Roles.Editor, "editor@example.org")}");
        foreach (var query in new[] { "?page=zz", "?page=99999999999999", "?page=-1", "?proposed=abc", "?proposed=1e9&page=%00" })
        {
            using var review = await editor.GetAsync("/review" + query);
            Assert.True(review.StatusCode == HttpStatusCode.OK, $"/review{query} answered {(int)review.StatusCode}");
            Assert.Contains("id=\"pending-heading\"", await review.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_live_version_request_with_the_current_version_is_answered_when_the_version_moves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database);
        using var anonymous = app.CreateClient();
        var current = Version(await anonymous.GetStringAsync("/live/version"));

        // A page that shows another version (an older one) is told at once.
        Assert.Equal(current, Version(await anonymous.GetStringAsync("/live/version?since=-1")));

        // A page that shows the current one waits; a change seen by the watcher answers it.
        var held = anonymous.GetStringAsync($"/live/version?since={current}");
        await using (var db = await database.CreateMigratedContextAsync())
        {
            // As another process (the CLI) changes it.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"DatasetInfo\" SET \"DataVersion\" = \"DataVersion\" + 1, \"ChangeSummary\" = 'live test change'");
        }

        await app.Services.GetRequiredService<BurdenShift.Web.Live.DataChangeWatcher>().PollAsync();
        var answer = await held.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.NotEqual(current, Version(answer));
        Assert.Contains("live test change", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_second_reader_of_the_static_overview_gets_the_stored_page_until_the_data_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database);
        using var first = app.CreateClient();
        using var second = app.CreateClient();

        using var rendered = await first.GetAsync("/?asOf=2026-06-30");
        using var stored = await second.GetAsync("/?asOf=2026-06-30");
        var page = await rendered.Content.ReadAsStringAsync();
        // Each render writes its own encrypted component state: the same bytes mean the second was not rendered.
        Assert.Contains("Blazor-Server-Component-State", page, StringComparison.Ordinal);
        Assert.Equal(page, await stored.Content.ReadAsStringAsync());
        Assert.False(stored.Headers.Contains("Set-Cookie"), "a stored page must not hand out the first reader's cookie");
        Assert.Equal("allow", Assert.Single(stored.Headers.GetValues("blazor-enhanced-nav")));
        Assert.Contains("no-store", stored.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        // Another address is rendered for itself.
        Assert.NotEqual(page, await second.GetStringAsync("/?asOf=2026-06-29"));

        // A change elsewhere (the CLI): once the watcher sees it, readers get a page of the new version.
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"DatasetInfo\" SET \"DataVersion\" = \"DataVersion\" + 1, \"ChangeSummary\" = 'page test change'");
        }

        var watcher = app.Services.GetRequiredService<BurdenShift.Web.Live.DataChangeWatcher>();
        await watcher.PollAsync();
        var after = await second.GetStringAsync("/?asOf=2026-06-30");
        Assert.NotEqual(page, after);
        Assert.Contains($"data-live-version=\"{BurdenShift.Web.Live.ReaderPages.Token(watcher)}\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_reader_page_is_sent_compressed_to_a_browser_that_accepts_it_and_whole_to_one_that_does_not()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database);
        using var client = app.CreateClient(); // the test client decompresses nothing: the bytes are as sent
        var page = await client.GetStringAsync("/?asOf=2026-06-30"); // rendered, and stored

        foreach (var (accept, coding) in new[] { ("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("br;q=0, gzip;q=0.5", "gzip"), ("gzip;q=0", null), ("identity", null) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/?asOf=2026-06-30");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(coding is null ? [] : [coding], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using Stream decoded = coding switch
            {
                "br" => new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
                "gzip" => new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress),
                _ => new MemoryStream(bytes),
            };
            using var reader = new StreamReader(decoded, Encoding.UTF8);
            Assert.Equal(page, await reader.ReadToEndAsync());
            if (coding is not null)
            {
                Assert.True(bytes.Length * 3 < Encoding.UTF8.GetByteCount(page), $"{coding}: {bytes.Length} bytes for a page of {page.Length} characters");
            }
        }
    }

    private static string? Version(string json)
    {
        using var live = JsonDocument.Parse(json);
        return live.RootElement.GetProperty("version").GetString();
    }
}
