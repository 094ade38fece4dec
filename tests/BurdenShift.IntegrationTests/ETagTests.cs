using System.Net.Http.Headers;

namespace BurdenShift.IntegrationTests;

/// <summary>The read API and the exports answer If-None-Match with a 304 until the data changes.</summary>
public sealed class ETagTests
{
    [Theory]
    [InlineData("/api/areas?asOf=2026-06-30")]
    [InlineData("/api/areas/drones")]
    [InlineData("/api/export/data/areas.csv?asOf=2026-06-30")]
    [InlineData("/api/export/chart/drones.svg?asOf=2026-06-30")]
    public async Task A_reader_with_the_current_tag_gets_a_304_and_a_change_gives_a_new_answer(string url)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null!);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();

        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString());

        var again = await GetAsync(client, url, tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        // Another address has another tag.
        var other = await GetAsync(client, "/api/index?asOf=2026-06-30", tag);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(tag, other.Headers.ETag);

        var import = await app.Services.GetRequiredService<FigureImporter>().ImportAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("area,as_of,europe_share,us_share,source,confidence,note\ndrones,2026-01-31,41,50,Example Institute,medium,\n")),
            "test", dryRun: false);
        Assert.True(import.Succeeded, string.Join("\n", import.Problems));

        var changed = await GetAsync(client, url, tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await changed.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, EntityTagHeaderValue tag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(tag);
        return client.SendAsync(request);
    }
}
