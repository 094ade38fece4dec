namespace BurdenShift.IntegrationTests;

/// <summary><c>BurdenShift.Web import FILE [--dry-run]</c> as a script runs it: exit codes, messages, what is written.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CliImportTests(PostgresServer postgres)
{
    private const string Header = "area,as_of,europe_share,us_share,source,confidence,note\n";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Import_exits_0_and_writes_or_exits_1_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var dir = Directory.CreateTempSubdirectory("burdenshift-cli-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "good.csv"), Header + "drones,2025-06-30,38.5,55,Example Institute,medium,\n");
            await File.WriteAllTextAsync(Path.Combine(dir, "bad.csv"), Header + "drones,2025-06-30,38.5,55,Example Institute,medium,\ndrones,2025-06-30,70,60,Example Institute,medium,\n");
            var env = new Dictionary<string, string>
            {
                ["Database__Provider"] = provider.ToString(),
                ["ConnectionStrings__BurdenShift"] = database.ConnectionString,
            };

            var bad = await AppProcess.RunAsync(["import", "bad.csv"], env, dir);
            var dry = await AppProcess.RunAsync(["import", "good.csv", "--dry-run"], env, dir);
            await using (var db = database.CreateContext())
            {
                Assert.Equal(0, await db.ShareAssessments.CountAsync(s => s.Area!.Key == "drones"));
            }

            var good = await AppProcess.RunAsync(["import", "good.csv"], env, dir);

            Assert.Equal(1, bad.ExitCode);
            Assert.Contains(bad.Stderr, l => l.Contains("line 3", StringComparison.Ordinal) && l.Contains("more than 100", StringComparison.Ordinal));
            Assert.Contains(bad.Stderr, l => l.Contains("nothing was written", StringComparison.Ordinal));
            Assert.Equal(0, dry.ExitCode);
            Assert.Contains(dry.Stdout, l => l.Contains("1 share assessments would be imported", StringComparison.Ordinal));
            Assert.Equal(0, good.ExitCode);
            Assert.Contains(good.Stdout, l => l.Contains("imported 1 share assessments", StringComparison.Ordinal));
            await using var check = database.CreateContext();
            var stored = Assert.Single(await check.ShareAssessments.Where(s => s.Area!.Key == "drones").ToListAsync());
            Assert.Equal(38.5m, stored.EuropeShare);
            Assert.Equal("import:good.csv", stored.EnteredBy);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Import_without_a_readable_file_exits_2_with_usage_or_the_missing_path()
    {
        var none = await AppProcess.RunAsync(["import"], new Dictionary<string, string>());
        var missing = await AppProcess.RunAsync(["import", "no-such-file.csv"], new Dictionary<string, string>());

        Assert.Equal(2, none.ExitCode);
        Assert.Contains(none.Stderr, l => l.StartsWith("usage:", StringComparison.Ordinal));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains(missing.Stderr, l => l.Contains("no-such-file.csv does not exist", StringComparison.Ordinal));
    }
}
