namespace BurdenShift.IntegrationTests;

/// <summary>
/// <c>import --draft</c> and <c>review list|publish|reject</c> as a script runs them: a draft import
/// publishes nothing; a bad id, an unknown user, a missing reason or a second publish exits 1 and
/// changes nothing; a second editor's publish writes the whole file.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CliReviewTests(PostgresServer postgres)
{
    private const string File = "area,as_of,europe_share,us_share,source,confidence,note\ndrones,2025-06-30,38.5,55,Example Institute,medium,\ndrones,2025-09-30,40,54,Example Institute,medium,\n";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_draft_import_is_published_by_a_named_editor_and_bad_input_exits_1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var dir = Directory.CreateTempSubdirectory("burdenshift-cli-").FullName;
        try
        {
            await System.IO.File.WriteAllTextAsync(Path.Combine(dir, "good.csv"), File);
            var env = new Dictionary<string, string>
            {
                ["Database__Provider"] = provider.ToString(),
                ["ConnectionStrings__BurdenShift"] = database.ConnectionString,
                ["Seed__Dataset"] = "none",
            };
            Assert.Equal(0, (await AppProcess.RunAsync(["users", "add", "--email", "ed@example.org", "--role", "Editor"], env, dir, "a long enough password")).ExitCode);
            Assert.Equal(0, (await AppProcess.RunAsync(["users", "add", "--email", "viewer@example.org", "--role", "Viewer"], env, dir, "a long enough password")).ExitCode);

            var draft = await AppProcess.RunAsync(["import", "good.csv", "--draft"], env, dir);
            Assert.Equal(0, draft.ExitCode);
            Assert.Contains(draft.Stdout, l => l.Contains("2 share assessments kept as draft #1 for review", StringComparison.Ordinal));
            Assert.Equal(0, await DronesAsync(database));

            var list = await AppProcess.RunAsync(["review", "list"], env, dir);
            Assert.Equal(0, list.ExitCode);
            Assert.Contains(list.Stdout, l => l.StartsWith("#1\t", StringComparison.Ordinal) && l.Contains("import:good.csv", StringComparison.Ordinal));

            var refusals = new[]
            {
                (await AppProcess.RunAsync(["review", "publish", "99", "--by", "ed@example.org"], env, dir), "There is no draft #99"),
                (await AppProcess.RunAsync(["review", "publish", "one", "--by", "ed@example.org"], env, dir), "is not a draft number"),
                (await AppProcess.RunAsync(["review", "publish", "1", "--by", "ghost@example.org"], env, dir), "no enabled user"),
                (await AppProcess.RunAsync(["review", "publish", "1", "--by", "viewer@example.org"], env, dir), "Only editors and admins may publish"),
                (await AppProcess.RunAsync(["review", "reject", "1", "--by", "ed@example.org"], env, dir), "Say why you reject"),
            };
            foreach (var (outcome, message) in refusals)
            {
                Assert.Equal(1, outcome.ExitCode);
                Assert.Contains(outcome.Stderr, l => l.Contains(message, StringComparison.Ordinal));
            }

            Assert.Equal(0, await DronesAsync(database));
            Assert.Equal(2, (await AppProcess.RunAsync(["review"], env, dir)).ExitCode);

            var published = await AppProcess.RunAsync(["review", "publish", "1", "--by", "ed@example.org"], env, dir);
            Assert.Equal(0, published.ExitCode);
            Assert.Equal(2, await DronesAsync(database));

            var twice = await AppProcess.RunAsync(["review", "publish", "1", "--by", "ed@example.org"], env, dir);
            Assert.Equal(1, twice.ExitCode);
            Assert.Contains(twice.Stderr, l => l.Contains("already published by ed@example.org", StringComparison.Ordinal));
            Assert.Equal(2, await DronesAsync(database));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<int> DronesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.ShareAssessments.CountAsync(s => s.Area!.Key == "drones");
    }
}
