namespace BurdenShift.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class ImportTests(PostgresServer postgres)
{
    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<TestDatabase> SeededAsync(PostgresServer postgres, DatabaseProvider provider, string dataset = "none")
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        await database.SeedAsync(dataset);
        return database;
    }

    private static FigureImporter Importer(TestDatabase database) =>
        new(database.Factory(), TimeProvider.System, NullLogger<FigureImporter>.Instance);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_valid_file_is_imported_with_its_sources_and_file_order_breaks_date_ties(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(postgres, provider);
        const string file = """
            area,as_of,europe_share,us_share,source,confidence,note,source_url
            drones,2025-06-30,30,60,"Example Institute, drone census",medium,first estimate,https://example.org/census
            drones,2025-06-30,35,58,"Example Institute, drone census",medium,"revised, same date",https://example.org/census
            cyber,2025-03-31,,70,reuters-2027,low,US share only,
            """;

        var result = await Importer(database).ImportAsync(Csv(file), "editor@example.org", dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.True(result.Written);
        Assert.Equal(3, result.Rows);
        await using var db = database.CreateContext();
        var rows = await db.ShareAssessments.Include(s => s.Source).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal([30m, 35m, null], rows.Select(r => r.EuropeShare));
        Assert.All(rows, r => Assert.Equal("editor@example.org", r.EnteredBy));
        // One registry entry for the repeated citation, with its URL; the known key is reused.
        // Every imported figure has its audit entry, attributed to the importer.
        // The new source has its own entry; all of them belong to the import's change set.
        var audits = await db.AuditEntries.Where(a => a.EntityType == "ShareAssessment").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(rows.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), audits.Select(a => a.EntityId));
        Assert.All(audits, a => Assert.Equal("editor@example.org", a.By));
        Assert.All(await db.AuditEntries.ToListAsync(), a => Assert.Equal(result.ChangeSetId, a.ChangeSetId));
        Assert.Contains(await db.AuditEntries.ToListAsync(), a => a.EntityType == "Source" && a.NewValues!.Contains("drone census", StringComparison.Ordinal));
        var added = Assert.Single(await db.Sources.Where(s => s.Publisher == "Example Institute, drone census").ToListAsync());
        Assert.Equal("https://example.org/census", added.Url);
        Assert.Equal("reuters-2027", rows[2].Source!.Key);

        var drones = (await new DashboardService(database.Factory()).GetAreasAsync(new DateOnly(2026, 1, 1))).Single(a => a.Key == "drones");
        Assert.Equal(35m, drones.Latest!.EuropeShare); // the later row of the same date
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_file_with_any_bad_row_writes_nothing_and_names_every_bad_line(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(postgres, provider);
        const string file = """
            area,as_of,europe_share,us_share,source,confidence,note
            drones,2025-06-30,30,60,New citation,medium,fine
            atlantis,2025-06-30,30,60,New citation,medium,unknown area
            drones,2025-06-31,30,60,New citation,medium,no such day
            drones,2025-06-30,70,60,New citation,medium,sum 130
            drones,2025-06-30,120,,New citation,medium,share 120
            drones,2025-06-30,30,60,,medium,no source
            drones,2025-06-30,"30,5",60,New citation,medium,decimal comma
            drones,2025-06-30,30,60,New citation,certain,bad confidence
            drones,2025-06-30,30,60,New citation,high,fine too
            """;
        int sourcesBefore;
        await using (var db = database.CreateContext())
        {
            sourcesBefore = await db.Sources.CountAsync();
        }

        var result = await Importer(database).ImportAsync(Csv(file), "editor", dryRun: false);

        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], result.Problems.Select(p => p.Line));
        Assert.Contains("atlantis", result.Problems[0].Message);
        Assert.Contains("2025-06-31", result.Problems[1].Message);
        Assert.Contains("more than 100", result.Problems[2].Message);
        Assert.Contains("outside 0..100", result.Problems[3].Message);
        Assert.Contains("source is empty", result.Problems[4].Message);
        Assert.Contains("not a number", result.Problems[5].Message);
        Assert.Contains("high, medium or low", result.Problems[6].Message);

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.ShareAssessments.CountAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync());
        Assert.Equal(sourcesBefore, await check.Sources.CountAsync());
    }

    [Fact]
    public async Task A_dry_run_reports_what_it_would_import_and_writes_nothing()
    {
        await using var database = await SeededAsync(postgres, DatabaseProvider.Sqlite);

        var result = await Importer(database).ImportAsync(Csv("area,as_of,europe_share,us_share,source,confidence,note\nisr,2025-01-31,20,75,A citation,low,\n"), "editor", dryRun: true);

        Assert.True(result.Succeeded);
        Assert.False(result.Written);
        Assert.Equal(1, result.Rows);
        Assert.Equal(["A citation"], result.NewSources);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ShareAssessments.CountAsync());
        Assert.False(await db.Sources.AnyAsync(s => s.Publisher == "A citation"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Indicator_observations_are_imported_and_unknown_indicators_refused(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(postgres, provider, "public-record");
        int before;
        await using (var db = database.CreateContext())
        {
            before = await db.IndicatorObservations.CountAsync(o => o.Indicator!.Key == "eu-155mm-capacity");
        }

        var bad = await Importer(database).ImportAsync(Csv("indicator,as_of,value,source,confidence,note\neu-155mm-capacity,2026-03-31,1800000,A citation,medium,\nshells,2026-03-31,5,A citation,medium,\n"), "editor", false);
        var good = await Importer(database).ImportAsync(Csv("indicator,as_of,value,source,confidence,note\neu-155mm-capacity,2026-03-31,1800000.5,A citation,medium,estimate\n"), "editor", false);

        Assert.Equal([3], bad.Problems.Select(p => p.Line));
        Assert.True(good.Succeeded);
        await using var check = database.CreateContext();
        var stored = await check.IndicatorObservations.Where(o => o.Indicator!.Key == "eu-155mm-capacity").OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(before + 1, stored.Count);
        Assert.Equal(1800000.5m, stored[^1].Value);
    }

    [Theory]
    [InlineData("country,as_of,value\nfr,2025-01-01,3\n", 1, "header must be")]
    [InlineData("area,as_of,europe_share,us_share,source,confidence\nisr,2025-01-01,20,,x,low\n", 1, "missing: note")]
    [InlineData("area,as_of,europe_share,us_share,source,confidence,note\n", 1, "no rows")]
    [InlineData("", 1, "empty")]
    [InlineData("area,as_of,europe_share,us_share,source,confidence,note\nisr,2025-01-01,\"20,,x,low,\n", 2, "not closed")]
    [InlineData("area,as_of,europe_share,us_share,source,confidence,note\nisr,2025-01-01,20,,x,low\n", 2, "6 fields")]
    public async Task A_malformed_file_is_refused_with_the_reason(string file, int line, string reason)
    {
        await using var database = await SeededAsync(postgres, DatabaseProvider.Sqlite);

        var result = await Importer(database).ImportAsync(Csv(file), "editor", false);

        var problem = Assert.Single(result.Problems);
        Assert.Contains(reason, problem.ToString());
        Assert.Contains($"line {line}", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused()
    {
        await using var database = await SeededAsync(postgres, DatabaseProvider.Sqlite);
        var latin1 = Encoding.Latin1.GetBytes("area,as_of,europe_share,us_share,source,confidence,note\nisr,2025-01-01,20,,Défense,low,\n");

        var result = await Importer(database).ImportAsync(new MemoryStream(latin1), "editor", false);

        Assert.Contains("not UTF-8", Assert.Single(result.Problems).Message);
    }
}
