using System.Net.Http.Json;
using System.Xml.Linq;
using SkiaSharp;

namespace BurdenShift.IntegrationTests.Exports;

/// <summary>An app on its own database with a few known figures, and helpers to open what the exports produce.</summary>
internal sealed class ExportApp : IAsyncDisposable
{
    public const string AsOf = "2026-06-30";

    // Drones get a history (so a trend and projections), missiles two sources, ISR only a US share.
    // (Ammunition derives its shares from counts on the public record: its chart is another test's.)
    private const string Shares = """
        area,as_of,europe_share,us_share,source,confidence,note
        drones,2024-06-30,30,60,Example Institute,medium,
        drones,2025-06-30,38.5,55,Example Institute,medium,
        missiles,2023-12-31,40,50,Example Institute,high,
        missiles,2025-12-31,44.25,48,Other Think Tank,low,
        isr,2025-09-30,,80,reuters-2027,low,US share only
        """;

    private const string Observations = """
        indicator,as_of,value,source,confidence,note
        eu-155mm-capacity,2024-12-31,1000000,Example Institute,medium,
        eu-155mm-capacity,2025-12-31,1900000,Example Institute,high,
        """;

    private ExportApp(TestDatabase database, AppFactory app)
    {
        Database = database;
        Factory = app;
        Client = app.CreateClient();
    }

    public TestDatabase Database { get; }

    public AppFactory Factory { get; }

    public HttpClient Client { get; }

    public static async Task<ExportApp> StartAsync(PostgresServer postgres, DatabaseProvider provider = DatabaseProvider.Sqlite,
        string dataset = "public-record", params (string Key, string Value)[] settings)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        var all = new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:BurdenShift"] = database.ConnectionString,
            ["Seed:Dataset"] = dataset,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var app = new AppFactory(all) { Time = FixedTime.Default };
        var export = new ExportApp(database, app);
        if (dataset == "public-record")
        {
            await export.ImportAsync(Shares);
            await export.ImportAsync(Observations);
        }

        return export;
    }

    private async Task ImportAsync(string csv)
    {
        var result = await Factory.Services.GetRequiredService<FigureImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test", dryRun: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
    }

    /// <summary>The area names and keys as the read API gives them.</summary>
    public async Task<List<(string Key, string Name)>> AreasAsync()
    {
        var json = await Client.GetFromJsonAsync<JsonElement>($"/api/areas?asOf={AsOf}");
        return [.. json.EnumerateArray().Select(a => (a.GetProperty("key").GetString()!, a.GetProperty("name").GetString()!))];
    }

    public async Task<byte[]> GetBytesAsync(string url, string contentType)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    /// <summary>Every text the SVG shows, one string per text element, after checking it parses as XML.</summary>
    public async Task<List<string>> SvgTextsAsync(string url)
    {
        var svg = XDocument.Parse(Encoding.UTF8.GetString(await GetBytesAsync(url, "image/svg+xml")));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        return [.. svg.Descendants(ns + "text").Select(t => t.Value.Trim())];
    }

    public static (int Width, int Height) PngSize(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        return (bitmap.Width, bitmap.Height);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
