using DocumentFormat.OpenXml.Packaging;
using static BurdenShift.IntegrationTests.Exports.ExportReading;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// A long history is paged, charted within bounds and exported whole (docs/decisions/0012): the
/// read API answers with the newest rows and links to pages of the rest, a chart line keeps each
/// month's extremes, and the CSV and XLSX exports hold every row.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LongHistoryTests(PostgresServer postgres)
{
    private const int Rows = 3_000;
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly DateOnly Peak = AsOf.AddDays(-1_234);

    // One row with a range (docs/methodology.md, "Ranges"): Europe 30 [5, 95], value 2000 [1500, 2500].
    private static readonly DateOnly Ranged = AsOf.AddDays(-1_000);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_long_history_is_answered_in_pages_newest_first_and_exported_whole(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await AddHistoryAsync(database);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();

        using var area = JsonDocument.Parse(await client.GetStringAsync("/api/areas/drones?asOf=2026-06-30"));
        var newest = area.RootElement.GetProperty("assessments").EnumerateArray().ToList();
        Assert.Equal(HistoryReads.LatestRows, newest.Count);
        Assert.Equal("2026-06-30", newest[0].GetProperty("asOf").GetString());
        var total = area.RootElement.GetProperty("shareHistory").GetProperty("rows").GetInt32();
        Assert.True(total >= Rows, $"the area counts {total} rows");
        Assert.True(area.RootElement.GetProperty("shareHistory").GetProperty("byMonth").GetBoolean());

        var link = area.RootElement.GetProperty("links").GetProperty("assessments").GetString()!;
        using var first = JsonDocument.Parse(await client.GetStringAsync(link));
        Assert.Equal(total, first.RootElement.GetProperty("total").GetInt32());
        var next = first.RootElement.GetProperty("links").GetProperty("next").GetString()!;
        using var second = JsonDocument.Parse(await client.GetStringAsync(next));
        var page1 = first.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        var page2 = second.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(100, page2.Count);
        Assert.Empty(page1.Intersect(page2.Select(i => i.GetProperty("id").GetInt64())));
        Assert.Equal(AsOf.AddDays(-100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page2[0].GetProperty("asOf").GetString());

        // The chart line is bounded by the months of the history and keeps its peak.
        var detail = await app.Services.GetRequiredService<BurdenShift.Web.Live.DashboardCache>().GetAreaAsync("drones", AsOf);
        var europe = detail!.ShareHistory.Lines.Single(l => l.Name == "Europe").Points;
        Assert.InRange(europe.Count, 2, 2 * ((Rows / 28) + 2));
        Assert.Contains(europe, p => p.Value == 99m);
        // By month, the ranged row's month carries the lowest low end and the highest high end.
        Assert.Contains(europe, p => p.Date.Year == Ranged.Year && p.Date.Month == Ranged.Month && p.Low == 5m && p.High == 95m);
        var line = detail.IndicatorHistories["test-drones"].Lines.Single().Points;
        Assert.Contains(line, p => p.Date.Year == Ranged.Year && p.Date.Month == Ranged.Month && p.Low == 1500m && p.High == 2500m);

        var csv = Csv(Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/export/data/areas/drones.csv?asOf=2026-06-30")));
        Assert.Equal(total, csv.Count);
        Assert.Contains(csv, r => r["europe_share"] == "99" && r["as_of"] == Peak.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Single(csv, r => r["europe_share_low"] == "5" && r["europe_share_high"] == "95"
            && r["as_of"] == Ranged.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var xlsx = await client.GetAsync("/api/export/data/areas/drones.xlsx?asOf=2026-06-30");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(["Assessments", "Targets", "Observations", "Milestones", "Count pairs", "Sources"], SheetNames(document));
        Assert.Equal(total, Sheet(document, "Assessments").Count);
        Assert.Equal(Rows, Sheet(document, "Observations").Count(r => r["indicator_key"].InnerText == "test-drones"));
    }

    [Theory]
    [InlineData("/api/areas/drones/assessments?page=0")]
    [InlineData("/api/areas/drones/assessments?page=-1")]
    [InlineData("/api/areas/drones/assessments?page=two")]
    [InlineData("/api/areas/drones/assessments?pageSize=0")]
    [InlineData("/api/areas/drones/assessments?pageSize=501")]
    [InlineData("/api/areas/drones/assessments?pageSize=1e3")]
    [InlineData("/api/areas/drones/assessments?page=99999999999")]
    [InlineData("/api/indicators/atlantis/observations?page=0")]
    public async Task Bad_paging_gets_a_400_problem(string url)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, "none");
        using var client = app.CreateClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("page", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The public record, then a daily drones history with one peak and an indicator with as many observations.</summary>
    private static async Task AddHistoryAsync(TestDatabase database)
    {
        await using var db = await database.CreateSeededContextAsync("public-record");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var source = await db.Sources.FirstAsync();
        var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
        var indicator = new Indicator { Key = "test-drones", Name = "Test drones", Unit = "drones", AreaId = drones.Id, Direction = IndicatorDirection.Up };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Rows; i++)
        {
            var date = AsOf.AddDays(-i);
            var share = date == Peak ? 99m : 10m + (i % 400 / 10m);
            db.ShareAssessments.Add(new ShareAssessment
            {
                AreaId = drones.Id,
                AsOf = date,
                EuropeShare = share,
                EuropeLow = date == Ranged ? 5m : null,
                EuropeHigh = date == Ranged ? 95m : null,
                UsShare = date == Peak ? 1m : 40m,
                SourceId = source.Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = now,
            });
            db.IndicatorObservations.Add(new IndicatorObservation
            {
                IndicatorId = indicator.Id,
                AsOf = date,
                Value = 1000m + i,
                Low = date == Ranged ? 1500m : null,
                High = date == Ranged ? 2500m : null,
                SourceId = source.Id,
                Confidence = Confidence.Low,
                EnteredBy = "test",
                EnteredAt = now,
            });
        }

        await db.SaveChangesAsync();
    }
}
