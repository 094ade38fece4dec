namespace BurdenShift.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class SeedingTests(PostgresServer postgres)
{
    private static readonly string[] StandardAreas = ["isr", "air-defence", "missiles", "ammunition", "drones", "cyber"];

    private readonly DatabaseSeeder _seeder = new(TimeProvider.System, NullLogger<DatabaseSeeder>.Instance);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "public-record")]
    [InlineData(DatabaseProvider.Postgres, "public-record")]
    [InlineData(DatabaseProvider.Sqlite, "illustrative")]
    [InlineData(DatabaseProvider.Postgres, "illustrative")]
    public async Task Seeding_twice_adds_nothing(DatabaseProvider provider, string dataset)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            Assert.True(await _seeder.SeedAsync(db, dataset));
        }

        var before = await CountRowsAsync(database);
        await using (var db = database.CreateContext())
        {
            Assert.False(await _seeder.SeedAsync(db, dataset));
        }

        Assert.Equal(before, await CountRowsAsync(database));
        Assert.True(before.Areas >= StandardAreas.Length);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_seeded_figure_cites_a_source_and_carries_a_confidence(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await _seeder.SeedAsync(db, "public-record");
        }

        await using var check = database.CreateContext();
        var shares = await check.ShareAssessments.Include(x => x.Source).ToListAsync();
        var observations = await check.IndicatorObservations.Include(x => x.Source).ToListAsync();
        var targets = await check.Targets.Include(x => x.Source).ToListAsync();
        var milestones = await check.Milestones.Include(x => x.Source).ToListAsync();

        // Nothing of the shipped file is lost on the way into the database.
        var file = DatabaseSeeder.LoadPublicRecord();
        Assert.Equal(file.ShareAssessments.Count, shares.Count);
        Assert.Equal(file.Indicators.Sum(i => i.Observations.Count), observations.Count);
        Assert.Equal(file.Milestones.Count, milestones.Count);

        Assert.All(shares, s => AssertSourced(s.Source, s.Confidence));
        Assert.All(observations, o => AssertSourced(o.Source, o.Confidence));
        Assert.All(targets, t => AssertSourced(t.Source, t.Source!.Confidence));
        Assert.All(milestones, m => AssertSourced(m.Source, m.Source!.Confidence));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_public_record_invents_no_share(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await _seeder.SeedAsync(db, "public-record");
        }

        await using var check = database.CreateContext();
        var shares = await check.ShareAssessments.Include(s => s.Area).ToListAsync();

        // No source publishes a current per-area share: the only figures are dated proxies,
        // graded low, and no European share is made up to complement a US one.
        Assert.NotEmpty(shares);
        Assert.All(shares, s =>
        {
            Assert.StartsWith("Proxy:", s.Note);
            Assert.Equal(Confidence.Low, s.Confidence);
            Assert.Null(s.EuropeShare);
            Assert.True(s.AsOf.Year < 2020, $"{s.Area!.Key} has a share dated {s.AsOf}, which no source publishes.");
        });
        var dataset = await check.DatasetInfo.SingleAsync();
        Assert.False(dataset.IsIllustrative);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task With_no_dataset_every_standard_area_still_has_the_2027_and_2030_targets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await _seeder.SeedAsync(db, "none");
        }

        await using var check = database.CreateContext();
        var areas = await check.Areas.Include(a => a.Targets).ThenInclude(t => t.Source).ToListAsync();
        Assert.Superset(StandardAreas.ToHashSet(), areas.Select(a => a.Key).ToHashSet());
        Assert.All(areas, a =>
        {
            var t2027 = Assert.Single(a.Targets, t => t.Key == "2027");
            Assert.Equal(50m, t2027.Value);
            Assert.Equal(new DateOnly(2027, 12, 31), t2027.Deadline);
            Assert.Equal("reuters-2027", t2027.Source!.Key);
            var t2030 = Assert.Single(a.Targets, t => t.Key == "2030");
            Assert.Equal(90m, t2030.Value);
            Assert.Equal(new DateOnly(2030, 12, 31), t2030.Deadline);
            Assert.False(string.IsNullOrWhiteSpace(t2030.Rationale));
        });
        Assert.Equal(0, await check.ShareAssessments.CountAsync());
        Assert.Equal(0, await check.Milestones.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_illustrative_dataset_is_flagged_and_gives_every_area_a_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await _seeder.SeedAsync(db, "illustrative");
        }

        await using var check = database.CreateContext();
        Assert.True((await check.DatasetInfo.SingleAsync()).IsIllustrative);
        var perArea = await check.ShareAssessments
            .GroupBy(s => s.Area!.Key)
            .Select(g => new { Key = g.Key, Dates = g.Select(s => s.AsOf).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Dates);
        Assert.All(StandardAreas, key => Assert.True(perArea.GetValueOrDefault(key) >= 2, $"{key} has no trend to show"));
    }

    private static void AssertSourced(Source? source, Confidence confidence)
    {
        Assert.NotNull(source);
        Assert.False(string.IsNullOrWhiteSpace(source.Publisher));
        Assert.False(string.IsNullOrWhiteSpace(source.Title));
        Assert.True(Enum.IsDefined(confidence));
    }

    private static async Task<(int Areas, int Sources, int Shares, int Observations, int Targets, int Milestones)> CountRowsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Areas.CountAsync(), await db.Sources.CountAsync(), await db.ShareAssessments.CountAsync(),
            await db.IndicatorObservations.CountAsync(), await db.Targets.CountAsync(), await db.Milestones.CountAsync());
    }
}
