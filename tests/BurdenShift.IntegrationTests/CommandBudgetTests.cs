namespace BurdenShift.IntegrationTests;

/// <summary>
/// Loading a date takes a bounded number of SQL commands, whatever the amount of data: the same
/// count with 10 and with 100,000 share rows (14,286 per area) but for one more a series whose
/// history before its window passes 2,000 rows, and at most 4 for the overview (the
/// fourth reads the count pairs' windows and the headline statements, docs/decisions/0016).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CommandBudgetTests(PostgresServer postgres)
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_number_of_commands_does_not_grow_with_the_data(DatabaseProvider provider)
    {
        var small = await CountCommandsAsync(provider, perArea: 10);
        var large = await CountCommandsAsync(provider, perArea: 14_286);

        AssertBounded(small, large);
        Assert.True(small.Areas <= 4, $"the overview took {small.Areas} commands");
        Assert.True(small.Indicators <= 3, $"the indicator list took {small.Indicators} commands");
        Assert.True(small.Index <= 4, $"the index took {small.Index} commands");
        // An area's entry reads bounded queries (figures from the trend windows, the newest rows, a
        // chart line of at most 2,412 months, the sources grouped by the database) instead of the
        // 3 that read its whole history; it is computed once per data version and shared (ADR 0012).
        Assert.True(small.Area <= 16, $"an area page took {small.Area} commands");
        // A derived area (enablers: three count pairs over six of its eight indicators) also reads
        // its pairs' counts and what lies before their windows, per pair indicator, besides each
        // indicator's bounded history (docs/decisions/0016): 45 commands measured at 10 rows, 51 at
        // 14,286, once per data version.
        Assert.True(large.DerivedArea <= 52, $"a derived area page took {large.DerivedArea} commands");
    }

    // The same commands at both sizes, except that what lies before a window is read in one command
    // up to 2,000 rows and in two beyond (the first rows, then each month end's row, ADR 0012 item
    // 19): the derived area's six pair indicators may add one each, and no more however long the history.
    // An area's whole-history chart takes one command fewer beyond 2,000 rows: its months come with
    // its sources, from the month summaries (ADR 0023), where up to 2,000 rows are read one by one.
    private static void AssertBounded(
        (int Areas, int Area, int DerivedArea, int Indicators, int Index) small, (int Areas, int Area, int DerivedArea, int Indicators, int Index) large)
    {
        Assert.Equal((small.Areas, small.Indicators, small.Index), (large.Areas, large.Indicators, large.Index));
        Assert.Equal(small.Area - 1, large.Area);
        Assert.InRange(large.DerivedArea, small.DerivedArea - 6, small.DerivedArea + 6);
    }

    // Knowledge time (ADR 0020): at a knownAt the same queries run on the version tables, so the
    // same commands, whether the version tables hold 10 or 100,000 rows an area.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task At_a_knowledge_time_the_commands_are_the_same_and_do_not_grow_with_the_versions(DatabaseProvider provider)
    {
        var small = await CountCommandsAsync(provider, perArea: 10, knownAt: true);
        var large = await CountCommandsAsync(provider, perArea: 14_286, knownAt: true);
        var latest = await CountCommandsAsync(provider, perArea: 10);

        AssertBounded(small, large);
        Assert.Equal(latest, small);
    }

    private async Task<(int Areas, int Area, int DerivedArea, int Indicators, int Index)> CountCommandsAsync(DatabaseProvider provider, int perArea, bool knownAt = false)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateSeededContextAsync("public-record"))
        {
            await AddHistoryAsync(db, perArea);
        }

        var counter = new CommandCounter();
        var dashboard = new DashboardService(database.Factory(counter));
        if (knownAt)
        {
            dashboard = dashboard.KnownAt(DateTimeOffset.UtcNow);
        }

        var areas = await Measure(counter, () => dashboard.GetAreasAsync(AsOf));
        var area = await Measure(counter, () => dashboard.GetAreaAsync("drones", AsOf));
        var derivedArea = await Measure(counter, () => dashboard.GetAreaAsync("enablers", AsOf));
        var indicators = await Measure(counter, () => dashboard.GetIndicatorsAsync(AsOf));
        var index = await Measure(counter, () => dashboard.GetIndexAsync(AsOf));
        return (areas, area, derivedArea, indicators, index);
    }

    private static async Task<int> Measure<T>(CommandCounter counter, Func<Task<T>> load)
    {
        counter.Reset();
        var result = await load();
        Assert.NotNull(result);
        return counter.Count;
    }

    /// <summary>A daily Europe-share history ending on the as-of date, and as many indicator observations.</summary>
    private static async Task AddHistoryAsync(BurdenShiftDbContext db, int perArea)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var source = await db.Sources.AsNoTracking().FirstAsync();
        var areas = await db.Areas.Select(a => a.Id).ToListAsync();
        var indicators = await db.Indicators.Where(i => i.AreaId != null).Select(i => i.Id).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var areaId in areas)
        {
            for (var i = 0; i < perArea; i++)
            {
                var share = 10m + (i % 400 / 10m);
                db.ShareAssessments.Add(new ShareAssessment
                {
                    AreaId = areaId,
                    AsOf = AsOf.AddDays(-i),
                    EuropeShare = share,
                    UsShare = 100m - share - 5m,
                    SourceId = source.Id,
                    Confidence = Confidence.Medium,
                    EnteredBy = "test",
                    EnteredAt = now,
                });
            }
        }

        foreach (var indicatorId in indicators)
        {
            for (var i = 0; i < perArea; i++)
            {
                db.IndicatorObservations.Add(new IndicatorObservation
                {
                    IndicatorId = indicatorId,
                    AsOf = AsOf.AddDays(-i),
                    Value = 1000m + i,
                    SourceId = source.Id,
                    Confidence = Confidence.Medium,
                    EnteredBy = "test",
                    EnteredAt = now,
                });
            }
        }

        await db.SaveChangesAsync();
        // Published as the audited write publishes them: a version of each (ADR 0020).
        await Core.Data.Versions.VersionLog.RecordAsync(db, [.. db.ChangeTracker.Entries().Select(e => (e, IsNew: true))], now, default);
        await db.SaveChangesAsync();
    }
}
