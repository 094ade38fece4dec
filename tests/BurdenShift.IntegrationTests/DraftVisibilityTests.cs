using System.Xml.Linq;
using BurdenShift.Core.Review;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// The real app with Editing:Review = required: a reader sees no draft on any page, API answer,
/// export or feed until it is published, and then sees it everywhere. The change feed is Atom,
/// bounded, per area, names no editor, and answers an unknown area with a 404 problem.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DraftVisibilityTests(PostgresServer postgres)
{
    private const string Marker = "draft census of loitering munitions";

    private static readonly string[] ReaderUrls =
    [
        "/areas/drones",
        "/api/areas",
        "/api/areas/drones",
        "/api/areas/drones/assessments",
        "/api/export/data/areas.csv",
        "/api/export/data/areas/drones.csv?table=assessments",
        "/feeds/changes.atom",
        "/feeds/changes.atom?area=drones",
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Readers_see_a_change_only_once_it_is_published(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = new AppFactory(new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = "none",
            ["Editing:Review"] = "required",
        });
        using var reader = app.CreateClient();
        var editor = app.Services.GetRequiredService<FigureEditor>();
        var queue = app.Services.GetRequiredService<ReviewQueue>();
        var values = EditScene.Assessment("41.7", "52", Marker);

        var draft = await editor.SaveAsync(new FigureSave(FigureKind.Assessment, null, null, "drones", values, "census"), EditScene.Alice);

        Assert.NotNull(draft.DraftId);
        foreach (var url in ReaderUrls)
        {
            var body = await GetAsync(reader, url);
            Assert.DoesNotContain(Marker, body, StringComparison.Ordinal);
            Assert.DoesNotContain("41.7", body, StringComparison.Ordinal);
        }

        var published = await queue.PublishAsync(draft.DraftId!.Value, EditScene.Bob);
        Assert.True(published.Succeeded, EditScene.Errors(published));

        foreach (var url in ReaderUrls.Where(u => !u.StartsWith("/api/export/data/areas.csv", StringComparison.Ordinal)))
        {
            Assert.Contains("41.7", await GetAsync(reader, url), StringComparison.Ordinal);
        }

        // The feed is Atom, names no editor (not the author, not the publisher), and keeps the author's reason.
        var feed = XDocument.Parse(await GetAsync(reader, "/feeds/changes.atom?area=drones"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.Contains("Reason: census", entry.Element(atom + "content")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", feed.ToString(), StringComparison.Ordinal);
        Assert.Empty(XDocument.Parse(await GetAsync(reader, "/feeds/changes.atom?area=cyber")).Root!.Elements(atom + "entry"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_feed_is_bounded_and_refuses_an_unknown_area_with_a_problem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, "public-record");
        using var reader = app.CreateClient();
        // 60 published changes: the feed holds the latest 50, newest first.
        var rows = string.Concat(Enumerable.Range(0, 60).Select(i => $"drones,{new DateOnly(2020, 1, 1).AddDays(7 * i):yyyy-MM-dd},{20 + (i * 0.25m)},60,reuters-2027,low,week {i}\n"));
        var import = await app.Services.GetRequiredService<Core.Imports.FigureImporter>()
            .ImportAsync(EditScene.Csv("area,as_of,europe_share,us_share,source,confidence,note\n" + rows), "alice@example.org", dryRun: false);
        Assert.True(import.Written, string.Join("\n", import.Problems));

        var all = await reader.GetAsync("/feeds/changes.atom");
        var unknown = await reader.GetAsync("/feeds/changes.atom?area=atlantis");
        var hostile = await reader.GetAsync("/feeds/changes.atom?area=%00%3Cscript%3E");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("application/atom+xml", all.Content.Headers.ContentType?.MediaType);
        var entries = XDocument.Parse(await all.Content.ReadAsStringAsync()).Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")).ToList();
        Assert.Equal(BurdenShift.Web.Api.ChangeFeed.Entries, entries.Count);
        Assert.Contains("week 59", entries[0].Value, StringComparison.Ordinal);
        foreach (var bad in new[] { unknown, hostile })
        {
            Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains("atlantis", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
