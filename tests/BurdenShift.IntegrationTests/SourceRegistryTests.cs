using BurdenShift.Core.Sources;

namespace BurdenShift.IntegrationTests;

/// <summary>The source registry as the Sources page shows it, on both databases.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SourceRegistryTests(PostgresServer postgres)
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private static async Task<TestDatabase> SeededAsync(PostgresServer postgres, DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.SeedAsync("public-record");
        return database;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_source_of_the_registry_is_listed_cited_or_not(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(postgres, provider);
        await using var db = database.CreateContext();
        var keys = await db.Sources.Select(s => s.Key).ToListAsync();

        var registry = await new SourceRegistryService(database.Factory()).GetRegistryAsync(AsOf);

        Assert.Equal(94, keys.Count); // public-record.json 83, public-record-counts.json 11
        Assert.Equal(keys.Count, registry.Total);
        Assert.Equal(keys.Order(StringComparer.Ordinal), registry.Sources.Select(s => s.Key).Order(StringComparer.Ordinal));
        // Every citation of the database is listed once, under its source.
        var cited = await db.ShareAssessments.CountAsync(s => s.AsOf <= AsOf) + await db.IndicatorObservations.CountAsync(o => o.AsOf <= AsOf)
            + await db.Targets.CountAsync() + await db.Milestones.CountAsync();
        Assert.Equal(cited, registry.Sources.Sum(s => s.CitationCount));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_source_cited_by_a_share_assessment_lists_that_figure(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(postgres, provider);

        var registry = await new SourceRegistryService(database.Factory()).GetRegistryAsync(AsOf);

        // public-record: the ISR proxy, "four-fifths of ISR flights American" over Libya in 2011.
        var wsj = registry.Sources.Single(s => s.Key == "libya-2011-wsj");
        var isr = Assert.Single(wsj.Assessments, a => a.AreaKey == "isr");
        Assert.Equal(new DateOnly(2011, 12, 31), isr.AsOf);
        Assert.Equal(DatePrecision.Year, isr.DatePrecision);
        Assert.Null(isr.EuropeShare);
        Assert.Equal(80m, isr.UsShare);
        Assert.Equal(Confidence.Low, isr.Confidence);
        Assert.StartsWith("Intelligence", isr.AreaName, StringComparison.Ordinal);

        // ... and the indicator observations, with their unit, and the targets.
        var asap = registry.Sources.Single(s => s.Key == "asap-allocation-2024-03-15");
        var capacity = Assert.Single(asap.Observations, o => o.IndicatorKey == "eu-155mm-capacity");
        Assert.Equal(1_000_000m, capacity.Value);
        Assert.Equal("shells/yr", capacity.Unit);
        var target = Assert.Single(asap.Targets, t => t.IndicatorKey == "eu-155mm-capacity");
        Assert.Equal(("2027", 2_000_000m, new DateOnly(2027, 12, 31)), (target.Key, target.Value, target.Deadline));
        Assert.Equal("shells/yr", target.Unit);
        // A milestone dated by month keeps its precision ("2024-01").
        var milestone = Assert.Single(asap.Milestones, m => m.Title == "EU 155mm capacity reaches 1 million shells/yr");
        Assert.Equal((new DateOnly(2024, 1, 31), DatePrecision.Month, "ammunition"), (milestone.Due, milestone.DuePrecision, milestone.AreaKey));
        // The standard 2027 target on an area's Europe share is in percent.
        var reuters = registry.Sources.Single(s => s.Key == "reuters-2027");
        Assert.Contains(reuters.Targets, t => t is { AreaKey: "isr", Key: "2027", Value: 50m, Unit: "%" });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_figure_dated_after_the_as_of_date_is_not_listed_for_that_date(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(postgres, provider);
        await using (var db = database.CreateContext())
        {
            var source = new Source
            {
                Key = "late-census",
                Publisher = "Example Institute",
                Title = "Drone census, summer edition",
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            };
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            var drones = await db.Areas.SingleAsync(a => a.Key == "drones");
            var indicator = await db.Indicators.SingleAsync(i => i.Key == "eu-155mm-capacity");
            db.ShareAssessments.Add(new ShareAssessment
            {
                AreaId = drones.Id,
                AsOf = AsOf,
                EuropeShare = 42.5m,
                UsShare = 50m,
                SourceId = source.Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            });
            db.IndicatorObservations.Add(new IndicatorObservation
            {
                IndicatorId = indicator.Id,
                AsOf = AsOf,
                Value = 1_900_000m,
                SourceId = source.Id,
                Confidence = Confidence.Medium,
                EnteredBy = "test",
                EnteredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var service = new SourceRegistryService(database.Factory());
        var before = (await service.GetRegistryAsync(AsOf.AddDays(-1))).Sources.Single(s => s.Key == "late-census");
        var on = (await service.GetRegistryAsync(AsOf)).Sources.Single(s => s.Key == "late-census");

        Assert.Equal(0, before.CitationCount); // still listed, cited by nothing yet
        Assert.Equal(42.5m, Assert.Single(on.Assessments).EuropeShare);
        Assert.Equal(1_900_000m, Assert.Single(on.Observations).Value);

        // The seeded ISR proxy of 2011 is not there on the last day of 2010.
        var in2010 = (await service.GetRegistryAsync(new DateOnly(2010, 12, 31))).Sources.Single(s => s.Key == "libya-2011-wsj");
        Assert.Empty(in2010.Assessments);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Text_search_finds_a_source_by_a_word_of_its_title_in_any_case(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(postgres, provider);
        var service = new SourceRegistryService(database.Factory());

        // Title: "Europe's takeaway from Libya: 'Will the U.S. keep bailing us out?'"
        var found = await service.GetRegistryAsync(AsOf, search: "  TAKEAWAY ");

        Assert.Equal(94, found.Total);
        Assert.Contains(found.Sources, s => s.Key == "libya-2011-wsj");
        Assert.All(found.Sources, s => Assert.Contains("takeaway", s.Publisher + s.Title + s.Key + s.Note, StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await service.GetRegistryAsync(AsOf, search: "no source says zyxwv")).Sources);

        var low = await service.GetRegistryAsync(AsOf, confidence: Confidence.Low);
        Assert.NotEmpty(low.Sources);
        Assert.All(low.Sources, s => Assert.Equal(Confidence.Low, s.Confidence));
        Assert.DoesNotContain(
            (await service.GetRegistryAsync(AsOf, search: "takeaway", confidence: Confidence.High)).Sources,
            s => s.Key == "libya-2011-wsj"); // it is graded medium
    }

    [Fact]
    public async Task Sqlite_and_postgres_list_the_same_registry()
    {
        await using var sqlite = await SeededAsync(postgres, DatabaseProvider.Sqlite);
        await using var pg = await SeededAsync(postgres, DatabaseProvider.Postgres);

        var a = await new SourceRegistryService(sqlite.Factory()).GetRegistryAsync(AsOf);
        var b = await new SourceRegistryService(pg.Factory()).GetRegistryAsync(AsOf);

        Assert.Equal(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_registry_takes_three_commands_whatever_the_amount_of_data(DatabaseProvider provider)
    {
        var small = await CountCommandsAsync(provider, extraPerSource: 0);
        var large = await CountCommandsAsync(provider, extraPerSource: 50);

        Assert.Equal(small, large);
        Assert.True(small <= 3, $"the registry took {small} commands");
    }

    private async Task<int> CountCommandsAsync(DatabaseProvider provider, int extraPerSource)
    {
        await using var database = await SeededAsync(postgres, provider);
        await using (var db = database.CreateContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var sources = await db.Sources.Select(s => s.Id).ToListAsync();
            var areas = await db.Areas.Select(a => a.Id).ToListAsync();
            var indicators = await db.Indicators.Select(i => i.Id).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            foreach (var sourceId in sources)
            {
                for (var i = 0; i < extraPerSource; i++)
                {
                    db.ShareAssessments.Add(new ShareAssessment
                    {
                        AreaId = areas[i % areas.Count],
                        AsOf = AsOf.AddDays(-i),
                        EuropeShare = 10m + (i % 50),
                        UsShare = 40m,
                        SourceId = sourceId,
                        Confidence = Confidence.Medium,
                        EnteredBy = "test",
                        EnteredAt = now,
                    });
                    db.IndicatorObservations.Add(new IndicatorObservation
                    {
                        IndicatorId = indicators[i % indicators.Count],
                        AsOf = AsOf.AddDays(-i),
                        Value = 1000m + i,
                        SourceId = sourceId,
                        Confidence = Confidence.Low,
                        EnteredBy = "test",
                        EnteredAt = now,
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        var counter = new CommandCounter();
        var registry = await new SourceRegistryService(database.Factory(counter)).GetRegistryAsync(AsOf);
        Assert.Equal(94, registry.Sources.Count);
        Assert.All(registry.Sources, s => Assert.True(s.Assessments.Count >= extraPerSource));
        return counter.Count;
    }
}
