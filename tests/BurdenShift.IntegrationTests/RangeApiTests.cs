namespace BurdenShift.IntegrationTests;

/// <summary>
/// Ranges through the read API (docs/methodology.md, "Ranges"; issue 14): each target's
/// <c>range</c>, <c>latest</c>'s bounds, the index's range, and the same JSON on both providers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RangeApiTests(PostgresServer postgres)
{
    private static readonly string[] Endpoints =
    [
        "/api/areas?asOf=2026-06-30",
        "/api/areas/drones?asOf=2026-06-30",
        "/api/areas/ammunition?asOf=2026-06-30",
        "/api/indicators?asOf=2026-06-30",
        "/api/index?asOf=2026-06-30",
        "/api/areas/drones/assessments?asOf=2026-06-30&page=1&pageSize=1",
        "/api/areas/drones/assessments?asOf=2026-06-30&page=2&pageSize=1",
        "/api/indicators/eu-155mm-capacity/observations?asOf=2026-06-30",
    ];

    /// <summary>
    /// Drones: 30 [25, 35] on 2024-06-30 and 38.5 [33, 44] (US 55 [50, 60]) on 2025-06-30.
    /// Ammunition: one row without a range. EU 155 mm capacity: one observation with a range.
    /// </summary>
    private static async Task AddRangesAsync(AppFactory app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<BurdenShiftDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var source = await db.Sources.OrderBy(s => s.Id).FirstAsync();
        var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
        var ammunition = await db.Areas.SingleAsync(a => a.Key == "ammunition");
        var capacity = await db.Indicators.SingleAsync(i => i.Key == "eu-155mm-capacity");
        ShareAssessment Share(CapabilityArea area, DateOnly date, decimal europe, decimal? low, decimal? high, decimal? us = null,
            decimal? usLow = null, decimal? usHigh = null) => new()
            {
                AreaId = area.Id,
                AsOf = date,
                EuropeShare = europe,
                EuropeLow = low,
                EuropeHigh = high,
                UsShare = us,
                UsLow = usLow,
                UsHigh = usHigh,
                SourceId = source.Id,
                Confidence = Confidence.Low,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UnixEpoch,
            };
        db.ShareAssessments.AddRange(
            Share(drones, new DateOnly(2024, 6, 30), 30m, 25m, 35m),
            Share(drones, new DateOnly(2025, 6, 30), 38.5m, 33m, 44m, 55m, 50m, 60m),
            Share(ammunition, new DateOnly(2025, 12, 31), 44.25m, null, null, 48m));
        db.IndicatorObservations.Add(new IndicatorObservation
        {
            IndicatorId = capacity.Id,
            AsOf = new DateOnly(2026, 3, 31),
            Value = 2_000_000m,
            Low = 1_500_000m,
            High = 2_100_000m,
            SourceId = source.Id,
            Confidence = Confidence.Low,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UnixEpoch,
        });
        await db.SaveChangesAsync();
    }

    private async Task<Dictionary<string, string>> ReadAllAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();
        await AddRangesAsync(app);

        var bodies = new Dictionary<string, string>();
        foreach (var url in Endpoints)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies[url] = await response.Content.ReadAsStringAsync();
        }

        return bodies;
    }

    private static JsonElement Target(JsonElement series, string key) =>
        series.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Ranges_reach_the_api_with_the_figures_worked_out_by_hand_and_identically_on_both_providers()
    {
        var sqlite = await ReadAllAsync(DatabaseProvider.Sqlite);
        var pg = await ReadAllAsync(DatabaseProvider.Postgres);
        foreach (var url in Endpoints)
        {
            Assert.Equal(sqlite[url], pg[url]);
        }

        using var areas = JsonDocument.Parse(sqlite["/api/areas?asOf=2026-06-30"]);
        var drones = areas.RootElement.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "drones");
        var latest = drones.GetProperty("latest");
        Assert.Equal(33m, latest.GetProperty("europeLow").GetDecimal());
        Assert.Equal(44m, latest.GetProperty("europeHigh").GetDecimal());
        Assert.Equal(50m, latest.GetProperty("usLow").GetDecimal());
        Assert.Equal(60m, latest.GetProperty("usHigh").GetDecimal());

        // 2027 (>= 50 by 2027-12-31, 914 days after 2025-06-30). Low end 25 -> 33 in 365 days:
        // 33 + 8 * 914 / 365 = 53.03 (on-track); high end 35 -> 44: 44 + 9 * 914 / 365 = 66.54.
        var range2027 = Target(drones, "2027").GetProperty("range");
        Assert.True(range2027.GetProperty("robust").GetBoolean());
        Assert.Equal(33m, range2027.GetProperty("pessimistic").GetProperty("current").GetDecimal());
        Assert.Equal(53.03288, (double)range2027.GetProperty("pessimistic").GetProperty("projected").GetDecimal(), 5);
        Assert.Equal(66.53699, (double)range2027.GetProperty("optimistic").GetProperty("projected").GetDecimal(), 5);
        foreach (var field in new[] { "current", "trendPerYear", "projected", "eta", "yearsLate", "status" })
        {
            Assert.True(range2027.GetProperty("optimistic").TryGetProperty(field, out _), field);
        }

        // 2030 (>= 90 by 2030-12-31, 2010 days on; at-risk from 81): low 33 + 8 * 2010 / 365 = 77.05
        // is off-track, the point 38.5 + 8.5 * 2010 / 365 = 85.3 at-risk, high 44 + 9 * 2010 / 365 = 93.6 on-track.
        var t2030 = Target(drones, "2030");
        Assert.Equal("at-risk", t2030.GetProperty("status").GetString());
        Assert.False(t2030.GetProperty("range").GetProperty("robust").GetBoolean());
        Assert.Equal("off-track", t2030.GetProperty("range").GetProperty("pessimistic").GetProperty("status").GetString());
        Assert.Equal("on-track", t2030.GetProperty("range").GetProperty("optimistic").GetProperty("status").GetString());

        // No bound given: null range and null bounds, never zero.
        // (ISR: its 2011 proxy gives no bound. Ammunition has one since its shares are derived
        // from counts, and the capacity count above gives a range.)
        var isr = areas.RootElement.EnumerateArray().Single(a => a.GetProperty("key").GetString() == "isr");
        Assert.Equal(JsonValueKind.Null, isr.GetProperty("latest").GetProperty("europeLow").ValueKind);
        Assert.Equal(JsonValueKind.Null, isr.GetProperty("latest").GetProperty("usLow").ValueKind);
        Assert.All(isr.GetProperty("targets").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("range").ValueKind));

        // The index carries a range because drones does: its low end is below its value, its high end above.
        using var index = JsonDocument.Parse(sqlite["/api/index?asOf=2026-06-30"]);
        var index2027 = index.RootElement.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "2027");
        var indexRange = index2027.GetProperty("range");
        Assert.True(indexRange.GetProperty("pessimistic").GetProperty("current").GetDecimal() < index2027.GetProperty("current").GetDecimal());
        Assert.True(indexRange.GetProperty("optimistic").GetProperty("current").GetDecimal() > index2027.GetProperty("current").GetDecimal());

        // An indicator's observation range: the page's rows carry it, the targets measure both ends.
        using var area = JsonDocument.Parse(sqlite["/api/areas/ammunition?asOf=2026-06-30"]);
        var capacity = area.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "eu-155mm-capacity");
        var observation = capacity.GetProperty("observations").EnumerateArray().Single(o => o.GetProperty("asOf").GetString() == "2026-03-31");
        Assert.Equal(1_500_000m, observation.GetProperty("low").GetDecimal());
        Assert.Equal(2_100_000m, observation.GetProperty("high").GetDecimal());
        Assert.Equal(1_500_000m, capacity.GetProperty("latest").GetProperty("low").GetDecimal());
        Assert.All(capacity.GetProperty("targets").EnumerateArray(), t =>
            Assert.Equal(1_500_000m, t.GetProperty("range").GetProperty("pessimistic").GetProperty("current").GetDecimal()));

        // The paged history endpoints (newest first) carry each row's bounds too, on every page.
        using var newest = JsonDocument.Parse(sqlite["/api/areas/drones/assessments?asOf=2026-06-30&page=1&pageSize=1"]);
        var newestRow = newest.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("2025-06-30", newestRow.GetProperty("asOf").GetString());
        Assert.Equal((33m, 44m, 50m, 60m), (newestRow.GetProperty("europeLow").GetDecimal(), newestRow.GetProperty("europeHigh").GetDecimal(),
            newestRow.GetProperty("usLow").GetDecimal(), newestRow.GetProperty("usHigh").GetDecimal()));
        using var older = JsonDocument.Parse(sqlite["/api/areas/drones/assessments?asOf=2026-06-30&page=2&pageSize=1"]);
        var olderRow = older.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((25m, 35m), (olderRow.GetProperty("europeLow").GetDecimal(), olderRow.GetProperty("europeHigh").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, olderRow.GetProperty("usLow").ValueKind);
        using var observations = JsonDocument.Parse(sqlite["/api/indicators/eu-155mm-capacity/observations?asOf=2026-06-30"]);
        var ranged = observations.RootElement.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("asOf").GetString() == "2026-03-31");
        Assert.Equal((1_500_000m, 2_100_000m), (ranged.GetProperty("low").GetDecimal(), ranged.GetProperty("high").GetDecimal()));
    }

    [Fact]
    public async Task Chart_exports_draw_the_band_and_fan_and_packs_say_which_statuses_are_not_robust()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var app = AppFactory.For(database, time: FixedTime.Default);
        using var client = app.CreateClient();
        await AddRangesAsync(app);

        var svg = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/api/export/chart/drones.svg?asOf=2026-06-30"));
        var texts = string.Join("\n", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value));
        Assert.Contains("Shaded band", texts, StringComparison.Ordinal);
        Assert.Contains("Europe share: range (shaded)", texts, StringComparison.Ordinal);
        // Without a range (ISR has none) the chart says nothing about one.
        var plain = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/api/export/chart/isr.svg?asOf=2026-06-30"));
        Assert.DoesNotContain("Shaded band", string.Join("\n", plain.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value)), StringComparison.Ordinal);

        var pptx = await client.GetByteArrayAsync("/api/export/pack.pptx?asOf=2026-06-30&areas=drones,ammunition");
        using var deck = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(new MemoryStream(pptx), false);
        var slides = deck.PresentationPart!.SlideParts.ToList();
        var all = string.Join("\n", slides.Select(p => string.Join("\n", p.Slide.Descendants<DocumentFormat.OpenXml.Drawing.Paragraph>().Select(x => x.InnerText))));
        Assert.Contains("Europe 38.5% (range 33%–44%), US 55% (range 50%–60%)", all, StringComparison.Ordinal);
        Assert.Contains("at risk, NOT ROBUST: between off-track and on-track", all, StringComparison.Ordinal);
        Assert.Contains("on track (robust across the range)", all, StringComparison.Ordinal);
        var notes = string.Join("\n", slides.Select(p => p.NotesSlidePart is { } n ? string.Join("\n", n.NotesSlide.Descendants<DocumentFormat.OpenXml.Drawing.Paragraph>().Select(x => x.InnerText)) : ""));
        Assert.Contains("2030 status not robust", notes, StringComparison.Ordinal);
    }
}
