namespace BurdenShift.IntegrationTests;

/// <summary>
/// The methodology's impossible figures are refused by the database itself, on both providers,
/// whatever code writes them; nothing of a refused row is stored.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConstraintTests(PostgresServer postgres)
{
    public static TheoryData<DatabaseProvider, decimal?, decimal?> ImpossibleShares => new()
    {
        { DatabaseProvider.Sqlite, 120m, null },
        { DatabaseProvider.Postgres, 120m, null },
        { DatabaseProvider.Sqlite, null, -1m },
        { DatabaseProvider.Postgres, null, -1m },
        { DatabaseProvider.Sqlite, 70m, 60m },
        { DatabaseProvider.Postgres, 70m, 60m },
        { DatabaseProvider.Sqlite, null, null },
        { DatabaseProvider.Postgres, null, null },
    };

    public static TheoryData<DatabaseProvider, decimal?, decimal?> PossibleShares => new()
    {
        // 9 is below 100 as a number but above "100" as text: SQLite must compare numbers.
        { DatabaseProvider.Sqlite, 9m, null },
        { DatabaseProvider.Postgres, 9m, null },
        { DatabaseProvider.Sqlite, 60.2m, 39.8m },
        { DatabaseProvider.Postgres, 60.2m, 39.8m },
        { DatabaseProvider.Sqlite, null, 100m },
        { DatabaseProvider.Postgres, null, 100m },
    };

    [Theory]
    [MemberData(nameof(ImpossibleShares))]
    public async Task An_impossible_share_is_refused_and_nothing_is_stored(DatabaseProvider provider, decimal? europe, decimal? us)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (areaId, sourceId) = await ArrangeAreaAndSourceAsync(database);

        await using (var db = database.CreateContext())
        {
            db.ShareAssessments.Add(Assessment(areaId, sourceId, europe, us));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.ShareAssessments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(PossibleShares))]
    public async Task A_possible_share_is_stored_exactly(DatabaseProvider provider, decimal? europe, decimal? us)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (areaId, sourceId) = await ArrangeAreaAndSourceAsync(database);

        await using (var db = database.CreateContext())
        {
            db.ShareAssessments.Add(Assessment(areaId, sourceId, europe, us));
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var stored = await check.ShareAssessments.SingleAsync();
        Assert.Equal(europe, stored.EuropeShare);
        Assert.Equal(us, stored.UsShare);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_figure_without_a_source_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (areaId, _) = await ArrangeAreaAndSourceAsync(database);

        await using (var db = database.CreateContext())
        {
            db.ShareAssessments.Add(Assessment(areaId, sourceId: 0, 40m, 50m));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var indicator = new Indicator { Key = "shells", Name = "Shells", Unit = "shells/yr", AreaId = areaId };
            indicator.Observations.Add(new IndicatorObservation
            {
                AsOf = new DateOnly(2024, 1, 31),
                Value = 1_000_000m,
                SourceId = 0,
                Confidence = Confidence.High,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            });
            db.Indicators.Add(indicator);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.ShareAssessments.CountAsync());
        Assert.Equal(0, await check.IndicatorObservations.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_target_on_a_share_above_100_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var (areaId, sourceId) = await ArrangeAreaAndSourceAsync(database);

        await using var db = database.CreateContext();
        db.Targets.Add(new Target
        {
            AreaId = areaId,
            Key = "2027",
            Label = "Majority",
            Deadline = new DateOnly(2027, 12, 31),
            Value = 150m,
            Rationale = "Typo",
            SourceId = sourceId,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static ShareAssessment Assessment(int areaId, int sourceId, decimal? europe, decimal? us) => new()
    {
        AreaId = areaId,
        AsOf = new DateOnly(2025, 6, 30),
        EuropeShare = europe,
        UsShare = us,
        SourceId = sourceId,
        Confidence = Confidence.Medium,
        EnteredBy = "test",
        EnteredAt = DateTimeOffset.UtcNow,
    };

    private static async Task<(int AreaId, int SourceId)> ArrangeAreaAndSourceAsync(TestDatabase database)
    {
        await using var db = await database.CreateMigratedContextAsync();
        var area = new CapabilityArea { Key = "isr", Name = "ISR" };
        var source = new Source
        {
            Key = "test-source",
            Publisher = "Test publisher",
            Title = "Test title",
            Confidence = Confidence.Medium,
            EnteredBy = "test",
            EnteredAt = DateTimeOffset.UtcNow,
        };
        db.AddRange(area, source);
        await db.SaveChangesAsync();
        return (area.Id, source.Id);
    }
}
