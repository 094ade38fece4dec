using BurdenShift.Core.Data.DayPoints;
using BurdenShift.Core.Data.MonthSummaries;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// An area's whole-history chart and source list read the month summaries the database keeps
/// with its triggers (ADR 0023), and the trend windows each date's last live row (ADR 0024).
/// Whatever writes the figures (one row, a batch, bulk SQL, an edit that moves a row to another
/// month, date or area, a deletion of a date's last row, a restore from deletion), both must equal
/// what the live rows give counted afresh, and the area page must show them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SummaryTableTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_kind_of_write_keeps_the_summaries_and_day_points_equal_to_the_live_rows_counted_afresh(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = await database.CreateSeededContextAsync("none");
        var sources = await db.Sources.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        var areas = await db.Areas.OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync();
        var indicator = new Indicator { Key = "summary-count", Name = "Count", Unit = "units" };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();

        ShareAssessment Share(int area, DateOnly date, decimal europe, int source, Confidence confidence = Confidence.Medium) => new()
        {
            AreaId = area,
            AsOf = date,
            EuropeShare = europe,
            UsShare = 90m - europe,
            EuropeLow = europe - 1.5m,
            SourceId = source,
            Confidence = confidence,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UtcNow,
        };

        // One row, then a batch across months, sources and confidences, then a US-only row.
        db.ShareAssessments.Add(Share(areas[0], new DateOnly(2024, 1, 31), 20.0001m, sources[0]));
        await db.SaveChangesAsync();
        await AssertSummariesAsync(db);
        db.ShareAssessments.AddRange(
            Share(areas[0], new DateOnly(2024, 1, 1), 21.5m, sources[0]),
            Share(areas[0], new DateOnly(2024, 1, 15), 19.25m, sources[1], Confidence.Low),
            Share(areas[0], new DateOnly(2024, 2, 29), 22m, sources[0]),
            Share(areas[1], new DateOnly(2024, 1, 10), 40m, sources[0], Confidence.High),
            Share(areas[1], new DateOnly(2024, 1, 10), 41m, sources[1], Confidence.Low));
        db.ShareAssessments.Add(new ShareAssessment
        {
            AreaId = areas[0],
            AsOf = new DateOnly(2024, 2, 1),
            UsShare = 70m,
            SourceId = sources[0],
            Confidence = Confidence.Medium,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UtcNow,
        });
        db.IndicatorObservations.AddRange(
            new IndicatorObservation { IndicatorId = indicator.Id, AsOf = new DateOnly(2024, 3, 3), Value = 123.456789m, High = 130m, SourceId = sources[0], Confidence = Confidence.Medium, EnteredBy = "test", EnteredAt = DateTimeOffset.UtcNow },
            new IndicatorObservation { IndicatorId = indicator.Id, AsOf = new DateOnly(2024, 3, 9), Value = 99m, Low = 90m, SourceId = sources[0], Confidence = Confidence.Medium, EnteredBy = "test", EnteredAt = DateTimeOffset.UtcNow },
            new IndicatorObservation { IndicatorId = indicator.Id, AsOf = new DateOnly(2024, 3, 9), Value = 98m, SourceId = sources[1], Confidence = Confidence.Low, EnteredBy = "test", EnteredAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await AssertSummariesAsync(db);

        // Bulk SQL that no EF code sees: a copy of every share row, a year later.
        var later = provider == DatabaseProvider.Sqlite ? "date(\"AsOf\", '+1 year')" : "(\"AsOf\" + interval '1 year')::date";
        var revision = provider == DatabaseProvider.Sqlite ? ", \"Revision\"" : ""; // PostgreSQL's row version is xmin
        var copy = $"""
            INSERT INTO "ShareAssessments" ("AreaId", "AsOf", "AsOfPrecision", "EuropeShare", "UsShare", "EuropeLow", "SourceId", "Confidence", "EnteredBy", "EnteredAt"{revision})
            SELECT "AreaId", {later}, "AsOfPrecision", "EuropeShare", "UsShare", "EuropeLow", "SourceId", "Confidence", 'bulk', "EnteredAt"{revision}
            FROM "ShareAssessments" WHERE "EnteredBy" = 'test'
            """;
        await db.Database.ExecuteSqlRawAsync(copy);
        await AssertSummariesAsync(db);

        // Edits: a value, a move to another month, a move to another area, a new source and confidence.
        var rows = await db.ShareAssessments.Where(s => s.EnteredBy == "test" && s.EuropeShare != null).OrderBy(s => s.Id).ToListAsync();
        rows[0].EuropeShare = 5m;
        rows[0].EuropeLow = null;
        rows[1].AsOf = new DateOnly(2023, 12, 31);
        rows[2].AreaId = areas[1];
        rows[3].SourceId = sources[1];
        rows[3].Confidence = Confidence.High;
        await db.SaveChangesAsync();
        await AssertSummariesAsync(db);

        // A soft delete, also of a date's last row; a restore from deletion, a hard delete; an observation's value edited.
        rows[0].DeletedAt = DateTimeOffset.UtcNow;
        rows[0].DeletedBy = "test";
        var lastOfDate = rows.Last(r => r.AreaId == areas[1] && r.AsOf == new DateOnly(2024, 1, 10));
        lastOfDate.DeletedAt = DateTimeOffset.UtcNow;
        lastOfDate.DeletedBy = "test";
        await db.SaveChangesAsync();
        await AssertSummariesAsync(db);
        rows[0].DeletedAt = null;
        rows[0].DeletedBy = null;
        db.ShareAssessments.Remove(rows[4]);
        var observation = await db.IndicatorObservations.OrderBy(o => o.Id).FirstAsync();
        observation.Value = 1m;
        observation.High = null;
        await db.SaveChangesAsync();
        await AssertSummariesAsync(db);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_area_page_beyond_two_thousand_rows_shows_edits_deletions_and_the_as_of_cut_in_its_chart_and_sources(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        long highId;
        await using (var db = await database.CreateSeededContextAsync("none"))
        {
            var sources = await db.Sources.OrderBy(s => s.Id).Take(2).ToListAsync();
            var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
            ShareAssessment Row(DateOnly date, decimal europe, Source source) => new()
            {
                AreaId = drones.Id,
                AsOf = date,
                EuropeShare = europe,
                UsShare = 50m,
                SourceId = source.Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            };

            // Two rows a day through 2020-2025 (4,382 rows, beyond the 2,000 a chart draws one by one),
            // and in March 2022 one high row citing the second source.
            for (var date = new DateOnly(2020, 1, 1); date <= new DateOnly(2025, 12, 31); date = date.AddDays(1))
            {
                db.ShareAssessments.AddRange(Row(date, 10m, sources[0]), Row(date, 11m, sources[0]));
            }

            var high = Row(new DateOnly(2022, 3, 10), 30m, sources[1]);
            db.ShareAssessments.Add(high);
            // After the as-of date below but in its month: left out.
            db.ShareAssessments.Add(Row(new DateOnly(2025, 6, 20), 44m, sources[1]));
            await db.SaveChangesAsync();
            highId = high.Id;
        }

        var asOf = new DateOnly(2025, 6, 15);
        var before = await new DashboardService(database.Factory()).GetAreaAsync("drones", asOf);
        Assert.True(before!.ShareHistory.ByMonth);
        Assert.Equal([10m, 30m], EuropeIn(before, 2022, 3));
        Assert.Equal([10m, 11m], EuropeIn(before, 2025, 6));
        Assert.Equal(2, before.ShareHistory.Sources.Count);
        var days = asOf.DayNumber - new DateOnly(2020, 1, 1).DayNumber + 1;
        Assert.Equal((2 * days) + 1, before.ShareHistory.Rows);

        // Deleted, the high row leaves its month's range and its source leaves the caption.
        await using (var db = database.CreateContext())
        {
            var high = await db.ShareAssessments.SingleAsync(s => s.Id == highId);
            high.DeletedAt = DateTimeOffset.UtcNow;
            high.DeletedBy = "test";
            await db.SaveChangesAsync();
        }

        var after = await new DashboardService(database.Factory()).GetAreaAsync("drones", asOf);
        Assert.Equal([10m, 11m], EuropeIn(after!, 2022, 3));
        Assert.Single(after!.ShareHistory.Sources);
        Assert.Equal(2 * days, after.ShareHistory.Rows);
    }

    private static decimal[] EuropeIn(AreaDetail area, int year, int month) =>
        [.. area.ShareHistory.Lines.Single(l => l.Name == HistoryReads.EuropeLine).Points
            .Where(p => p.Date.Year == year && p.Date.Month == month).Select(p => p.Value).Order()];

    // The summaries and the day points, field by field, against the same grouped in .NET from the live rows.
    private static async Task AssertSummariesAsync(BurdenShiftDbContext db)
    {
        await AssertDayPointsAsync(db);
        var shares = await db.ShareAssessments.AsNoTracking().ToListAsync();
        var expected = shares
            .GroupBy(s => (s.AreaId, Month: new DateOnly(s.AsOf.Year, s.AsOf.Month, 1), s.SourceId, s.Confidence))
            .Select(g => $"{g.Key} {g.Count()} {g.Min(s => s.AsOf)} "
                + $"{g.Min(s => D(s.EuropeShare))} {g.Max(s => D(s.EuropeShare))} {g.Min(s => D(s.UsShare))} {g.Max(s => D(s.UsShare))} "
                + $"{g.Min(s => D(s.EuropeLow ?? s.EuropeShare))} {g.Max(s => D(s.EuropeHigh ?? s.EuropeShare))} "
                + $"{g.Min(s => D(s.UsLow ?? s.UsShare))} {g.Max(s => D(s.UsHigh ?? s.UsShare))}")
            .Order(StringComparer.Ordinal);
        var actual = (await db.Set<ShareMonth>().AsNoTracking().ToListAsync())
            .Select(m => $"{(m.AreaId, m.Month, m.SourceId, m.Confidence)} {m.Rows} {m.FirstAsOf} "
                + $"{m.EuropeMin} {m.EuropeMax} {m.UsMin} {m.UsMax} {m.EuropeLowEnd} {m.EuropeHighEnd} {m.UsLowEnd} {m.UsHighEnd}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        var observations = await db.IndicatorObservations.AsNoTracking().ToListAsync();
        var expectedObservations = observations
            .GroupBy(o => (o.IndicatorId, Month: new DateOnly(o.AsOf.Year, o.AsOf.Month, 1), o.SourceId, o.Confidence))
            .Select(g => $"{g.Key} {g.Count()} {g.Min(o => o.AsOf)} {g.Min(o => D(o.Value))} {g.Max(o => D(o.Value))} "
                + $"{g.Min(o => D(o.Low ?? o.Value))} {g.Max(o => D(o.High ?? o.Value))}")
            .Order(StringComparer.Ordinal);
        var actualObservations = (await db.Set<ObservationMonth>().AsNoTracking().ToListAsync())
            .Select(m => $"{(m.IndicatorId, m.Month, m.SourceId, m.Confidence)} {m.Rows} {m.FirstAsOf} {m.ValueMin} {m.ValueMax} {m.LowEnd} {m.HighEnd}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expectedObservations, actualObservations);
    }

    // Of each date, the live row with a Europe share (any live observation) entered last, with what the windows read of it.
    private static async Task AssertDayPointsAsync(BurdenShiftDbContext db)
    {
        var expected = (await db.ShareAssessments.AsNoTracking().Where(s => s.EuropeShare != null).ToListAsync())
            .GroupBy(s => (s.AreaId, s.AsOf)).Select(g => g.MaxBy(s => s.Id)!)
            .Select(s => $"{s.AreaId} {s.AsOf} {s.Id} {s.AsOfPrecision} {s.EuropeShare} {s.UsShare} {s.Confidence} {s.EuropeLow} {s.EuropeHigh} {s.UsLow} {s.UsHigh}")
            .Order(StringComparer.Ordinal);
        var actual = (await db.Set<ShareDay>().AsNoTracking().ToListAsync())
            .Select(d => $"{d.AreaId} {d.AsOf} {d.RowId} {d.AsOfPrecision} {d.EuropeShare} {d.UsShare} {d.Confidence} {d.EuropeLow} {d.EuropeHigh} {d.UsLow} {d.UsHigh}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        var expectedObservations = (await db.IndicatorObservations.AsNoTracking().ToListAsync())
            .GroupBy(o => (o.IndicatorId, o.AsOf)).Select(g => g.MaxBy(o => o.Id)!)
            .Select(o => $"{o.IndicatorId} {o.AsOf} {o.Id} {o.AsOfPrecision} {o.Value} {o.Confidence} {o.Low} {o.High}")
            .Order(StringComparer.Ordinal);
        var actualObservations = (await db.Set<ObservationDay>().AsNoTracking().ToListAsync())
            .Select(d => $"{d.IndicatorId} {d.AsOf} {d.RowId} {d.AsOfPrecision} {d.Value} {d.Confidence} {d.Low} {d.High}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expectedObservations, actualObservations);
    }

    private static double? D(decimal? value) => value is { } v ? (double)v : null;
}
