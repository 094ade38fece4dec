using System.Text.Json.Serialization;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// The overview reads only each series' trend window and the values carried into it
/// (docs/decisions/0012). Its figures must be exactly those computed from every row: checked on
/// an irregular history with date ties, US-only rows, ranges on some rows, 29 February and replayed
/// past dates.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TrendWindowTests(PostgresServer postgres)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private static readonly DateOnly[] Dates =
    [
        new(2026, 6, 30), new(2024, 2, 29), new(2027, 2, 28), new(2021, 3, 1), new(2019, 12, 31), new(2012, 5, 5), new(2030, 1, 1),
    ];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Figures_from_the_trend_windows_are_those_from_the_whole_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateSeededContextAsync("public-record"))
        {
            await AddIrregularHistoryAsync(db);
        }

        var dashboard = new DashboardService(database.Factory());
        foreach (var asOf in Dates)
        {
            var windowed = await dashboard.GetOverviewAsync(asOf, HistoryDepth.TrendWindow);
            var full = await dashboard.GetOverviewAsync(asOf, HistoryDepth.Full);
            Assert.Equal(JsonSerializer.Serialize(full.Areas, Json), JsonSerializer.Serialize(windowed.Areas, Json));
            Assert.Equal(JsonSerializer.Serialize(full.Index, Json), JsonSerializer.Serialize(windowed.Index, Json));
            // The index history shown is the exact tail of the whole one.
            Assert.Equal(full.IndexHistory.Select(p => (p.Date, p.Value)).TakeLast(windowed.IndexHistory.Count),
                windowed.IndexHistory.Select(p => (p.Date, p.Value)));

            // The charts' depth: the window's figures, and below 2,000 rows before a window every row of the whole history;
            // in the window, one point per date, the row entered last (the one every figure counts).
            var chart = await dashboard.GetOverviewAsync(asOf, HistoryDepth.Chart);
            Assert.Equal(JsonSerializer.Serialize(windowed.Areas, Json), JsonSerializer.Serialize(chart.Areas, Json));
            Assert.Equal(JsonSerializer.Serialize(windowed.Index, Json), JsonSerializer.Serialize(chart.Index, Json));
            Assert.Equal(full.IndexHistory.Select(p => (p.Date, p.Value)), chart.IndexHistory.Select(p => (p.Date, p.Value)));
            Assert.All(full.History, h => Assert.Equal(LastOfEachDateInWindow(h.Value).Select(p => (p.Date, p.Value)),
                chart.History[h.Key].Select(p => (p.Date, p.Value))));

            var windowedIndicators = await dashboard.GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow);
            var fullIndicators = await dashboard.GetIndicatorOverviewAsync(asOf, HistoryDepth.Full);
            Assert.Equal(JsonSerializer.Serialize(fullIndicators.Indicators, Json), JsonSerializer.Serialize(windowedIndicators.Indicators, Json));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_window_with_several_rows_a_date_reads_the_row_entered_last_of_each_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateSeededContextAsync("none"))
        {
            var source = await db.Sources.FirstAsync();
            var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
            // Three rows on each of ten dates, entered in the order low, high, middle: the middle one counts.
            for (var day = 0; day < 10; day++)
            {
                foreach (var europe in new[] { 10m + day, 50m + day, 30m + day })
                {
                    db.ShareAssessments.Add(new ShareAssessment
                    {
                        AreaId = drones.Id,
                        AsOf = new DateOnly(2026, 1, 1).AddDays(day * 7),
                        EuropeShare = europe,
                        UsShare = 100m - europe,
                        SourceId = source.Id,
                        Confidence = Confidence.Medium,
                        EnteredBy = "test",
                        EnteredAt = DateTimeOffset.UtcNow,
                    });
                    await db.SaveChangesAsync(); // one by one: ids grow in entry order
                }
            }
        }

        var dashboard = new DashboardService(database.Factory());
        var asOf = new DateOnly(2026, 6, 30);
        var overview = await dashboard.GetOverviewAsync(asOf);
        var full = await dashboard.GetOverviewAsync(asOf, HistoryDepth.Full);

        // The overview's series (its sparkline) has one point per date, the middle value entered last.
        Assert.Equal(Enumerable.Range(0, 10).Select(day => 30m + day), overview.History["drones"].Select(p => p.Value));
        Assert.Equal(30, full.History["drones"].Count);
        Assert.Equal(JsonSerializer.Serialize(full.Areas, Json), JsonSerializer.Serialize(overview.Areas, Json));
        Assert.Equal(39m, overview.Areas.Single(a => a.Key == "drones").Latest!.EuropeShare);
    }

    // A whole history as the chart depth draws it: each point before the trend window, and in the
    // window (three years back from the last date) the row entered last of each date.
    private static IEnumerable<Core.Domain.Engine.SeriesPoint> LastOfEachDateInWindow(IReadOnlyList<Core.Domain.Engine.SeriesPoint> points)
    {
        if (points.Count == 0)
        {
            return points;
        }

        var start = points.Max(p => p.Date).AddYears(-3);
        return points.Where(p => p.Date < start)
            .Concat(points.Where(p => p.Date >= start).GroupBy(p => p.Date).Select(g => g.MaxBy(p => p.EntryOrder)))
            .OrderBy(p => p.Date).ThenBy(p => p.EntryOrder);
    }

    /// <summary>Random dates from 2010 to 2027 (fixed seed), some on 29 February, some repeated, some US-only.</summary>
    private static async Task AddIrregularHistoryAsync(BurdenShiftDbContext db)
    {
        var random = new Random(20261130);
        var ranges = new Random(14); // a separate stream: the history itself stays as it was
        decimal? Bound(decimal? value, int sign) => value is { } v && ranges.Next(3) == 0
            ? Math.Clamp(v + (sign * Math.Round((decimal)ranges.NextDouble() * 8m, 1)), 0m, 100m)
            : null;
        var source = await db.Sources.FirstAsync();
        var areas = await db.Areas.Select(a => a.Id).ToListAsync();
        var indicators = await db.Indicators.Select(i => i.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        DateOnly[] leapDays = [new(2012, 2, 29), new(2016, 2, 29), new(2020, 2, 29), new(2024, 2, 29)];
        DateOnly RandomDate() => random.Next(6) == 0
            ? leapDays[random.Next(leapDays.Length)]
            : new DateOnly(2010, 1, 1).AddDays(random.Next(17 * 365));
        var confidences = new[] { Confidence.Low, Confidence.Medium, Confidence.High };

        // The last area keeps only its seeded rows; one stops in 2013, long before the others' windows.
        foreach (var (areaId, n) in areas.SkipLast(1).Select((id, i) => (id, i == 0 ? 3 : 40)))
        {
            for (var i = 0; i < n; i++)
            {
                var date = areaId == areas[0] ? new DateOnly(2011, 1, 1).AddDays(random.Next(900)) : RandomDate();
                var europe = random.Next(5) == 0 ? (decimal?)null : Math.Round(10m + (decimal)random.NextDouble() * 70m, 1);
                db.ShareAssessments.Add(new ShareAssessment
                {
                    AreaId = areaId,
                    AsOf = date,
                    EuropeShare = europe,
                    EuropeLow = Bound(europe, -1),
                    EuropeHigh = Bound(europe, 1),
                    UsShare = europe is null ? 60m : 100m - europe.Value - 5m,
                    SourceId = source.Id,
                    Confidence = confidences[random.Next(3)],
                    EnteredBy = "test",
                    EnteredAt = now,
                });
            }
        }

        foreach (var indicatorId in indicators)
        {
            for (var i = 0; i < 30; i++)
            {
                var value = Math.Round(100m + (decimal)random.NextDouble() * 900m, 2);
                db.IndicatorObservations.Add(new IndicatorObservation
                {
                    IndicatorId = indicatorId,
                    AsOf = RandomDate(),
                    Value = value,
                    Low = ranges.Next(3) == 0 ? value - 50m : null,
                    High = ranges.Next(3) == 0 ? value + 50m : null,
                    SourceId = source.Id,
                    Confidence = confidences[random.Next(3)],
                    EnteredBy = "test",
                    EnteredAt = now,
                });
            }
        }

        await db.SaveChangesAsync();
    }
}
