using System.Text.Json;
using System.Text.Json.Serialization;
using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Data;
using BurdenShift.Core.Data.Seeding;
using BurdenShift.Core.Domain;
using BurdenShift.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

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
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await new DatabaseSeeder(TimeProvider.System, NullLogger<DatabaseSeeder>.Instance).SeedAsync(db, "public-record");
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

            // The charts' depth: the window's figures, and below 2,000 rows before a window every row of the whole history.
            var chart = await dashboard.GetOverviewAsync(asOf, HistoryDepth.Chart);
            Assert.Equal(JsonSerializer.Serialize(windowed.Areas, Json), JsonSerializer.Serialize(chart.Areas, Json));
            Assert.Equal(JsonSerializer.Serialize(windowed.Index, Json), JsonSerializer.Serialize(chart.Index, Json));
            Assert.Equal(full.IndexHistory.Select(p => (p.Date, p.Value)), chart.IndexHistory.Select(p => (p.Date, p.Value)));
            Assert.All(full.History, h => Assert.Equal(h.Value.Select(p => (p.Date, p.Value)), chart.History[h.Key].Select(p => (p.Date, p.Value))));

            var windowedIndicators = await dashboard.GetIndicatorOverviewAsync(asOf, HistoryDepth.TrendWindow);
            var fullIndicators = await dashboard.GetIndicatorOverviewAsync(asOf, HistoryDepth.Full);
            Assert.Equal(JsonSerializer.Serialize(fullIndicators.Indicators, Json), JsonSerializer.Serialize(windowedIndicators.Indicators, Json));
        }
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
