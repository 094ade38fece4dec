namespace BurdenShift.IntegrationTests;

/// <summary>
/// Editors' preview of any answer with the pending drafts applied (<c>?preview=drafts</c>, ADR
/// 0021) on both providers: editors and admins get the draft's figure in the API, the data
/// exports and pages, bannered and never stored; anonymous readers and viewers are refused with
/// a 403 problem (pages say why and show the published figures), and what readers are served
/// (the shared cache, the output cache, ETags) never holds a previewed figure.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DraftPreviewTests(PostgresServer postgres)
{
    private const string Marker = "draft census of loitering munitions";

    private static async Task<(TestDatabase Database, AppFactory App)> StartAsync(PostgresServer postgres, DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var app = new AppFactory(new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = "none",
            ["Editing:Review"] = "required",
        });
        var draft = await app.Services.GetRequiredService<FigureEditor>()
            .SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", EditScene.Assessment("41.7", "52", Marker), "census"), EditScene.Alice);
        Assert.NotNull(draft.DraftId);
        return (database, app);
    }

    private static async Task<HttpClient> ClientAsync(AppFactory app, string caller)
    {
        var client = app.CreateClient();
        if (caller != "anonymous")
        {
            client.DefaultRequestHeaders.Add("Cookie", $"BurdenShift.Auth={await AuthCookie.ForAsync(app, caller, $"{caller.ToLowerInvariant()}@example.org")}");
        }

        return client;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Editors_preview_answers_with_the_drafts_applied_and_readers_never_see_them(DatabaseProvider provider)
    {
        var (database, app) = await StartAsync(postgres, provider);
        await using var _ = database;
        await using var __ = app;
        using var reader = await ClientAsync(app, "anonymous");
        using var editor = await ClientAsync(app, Roles.Editor);
        // A reader's answer, stored in the output cache and the shared figures before any preview.
        Assert.DoesNotContain("41.7", await reader.GetStringAsync("/api/areas/drones"), StringComparison.Ordinal);
        var localWrites = DataVersionInterceptor.LocalWritesTo(database.ConnectionString);

        var previewed = await editor.GetAsync("/api/areas/drones?preview=drafts");
        var csv = await editor.GetAsync("/api/export/data/areas.csv?preview=drafts");

        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.Contains("41.7", await previewed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", previewed.Headers.CacheControl?.ToString());
        Assert.Null(previewed.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("41.7", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("preview-drafts-not-published", csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        // The rehearsal wrote nothing and moved no cache: readers are served what they were.
        Assert.Equal(localWrites, DataVersionInterceptor.LocalWritesTo(database.ConnectionString));
        foreach (var client in new[] { reader, editor })
        {
            Assert.DoesNotContain("41.7", await client.GetStringAsync("/api/areas/drones"), StringComparison.Ordinal);
            Assert.DoesNotContain("41.7", await client.GetStringAsync("/api/export/data/areas.csv"), StringComparison.Ordinal);
        }

        // Pages: the editor's is bannered; a reader's says why it shows the published figures.
        var page = await editor.GetStringAsync("/areas/drones?preview=drafts");
        Assert.Contains("data-testid=\"preview-banner\"", page, StringComparison.Ordinal);
        Assert.Contains("Preview: 1 pending draft applied - not published.", page, StringComparison.Ordinal);
        var readerPage = await reader.GetStringAsync("/areas/drones?preview=drafts");
        Assert.DoesNotContain("preview-banner", readerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("41.7", readerPage, StringComparison.Ordinal);
        Assert.Contains("is for signed-in editors and admins", readerPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "/api/areas/drones?preview=yes", HttpStatusCode.BadRequest)]
    [InlineData(DatabaseProvider.Sqlite, "/api/areas?preview=drafts&knownAt=2026-01-01", HttpStatusCode.BadRequest)]
    [InlineData(DatabaseProvider.Sqlite, "/api/export/chart/drones.svg?preview=drafts", HttpStatusCode.BadRequest)]
    [InlineData(DatabaseProvider.Sqlite, "/api/export/data/areas/drones.csv?preview=drafts", HttpStatusCode.BadRequest)]
    [InlineData(DatabaseProvider.Postgres, "/api/export/pack.pdf?preview=drafts", HttpStatusCode.BadRequest)]
    public async Task A_preview_that_cannot_be_given_is_a_clear_problem(DatabaseProvider provider, string url, HttpStatusCode status)
    {
        var (database, app) = await StartAsync(postgres, provider);
        await using var _ = database;
        await using var __ = app;
        using var editor = await ClientAsync(app, Roles.Editor);

        var response = await editor.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("41.7", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
