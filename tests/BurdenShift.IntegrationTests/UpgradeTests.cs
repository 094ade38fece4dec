namespace BurdenShift.IntegrationTests;

/// <summary>
/// Upgrades as an operator runs them: instances (real processes) that start together on a
/// database with pending migrations, and instances that leave migrating to the migrate command.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class UpgradeTests(PostgresServer postgres)
{
    private const string AppliedLine = "Applied ";

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Two_instances_starting_at_once_on_a_fresh_database_migrate_it_once_and_both_serve(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        var env = Environment(database);

        await using var first = ServiceProcess.Start(env);
        await using var second = ServiceProcess.Start(env);
        await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync());

        var output = first.Lines.Concat(second.Lines).ToList();
        Assert.Single(output, l => l.Contains(AppliedLine, StringComparison.Ordinal) && l.Contains("migration(s)", StringComparison.Ordinal));
        Assert.Single(output, l => l.Contains("Seeded the public-record dataset", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
        Assert.Equal(1, await db.DatasetInfo.CountAsync());
    }

    [Fact]
    public async Task An_instance_that_may_not_migrate_waits_for_the_migrate_command_then_serves()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        var env = Environment(database);
        await using var instance = ServiceProcess.Start(new Dictionary<string, string>(env)
        {
            ["Database__MigrateOnStartup"] = "false",
            ["Database__WaitForMigrationsSeconds"] = "120",
        });
        await instance.WaitForLineAsync("Waiting up to 120 s");

        var migrate = await AppProcess.RunAsync(["migrate"], env);
        var again = await AppProcess.RunAsync(["migrate"], env);
        await instance.WaitReadyAsync();

        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains(migrate.Stdout, l => l.StartsWith("migrate: applied ", StringComparison.Ordinal));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(["migrate: PostgreSQL " + Target(database) + " is up to date."], again.Stdout);
        Assert.DoesNotContain(instance.Lines, l => l.Contains(AppliedLine, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_instance_that_may_not_migrate_and_may_not_wait_refuses_with_one_line_naming_the_migrate_command()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        var outcome = await AppProcess.RunAsync(["--urls=http://127.0.0.1:0"], new Dictionary<string, string>(Environment(database))
        {
            ["Database__MigrateOnStartup"] = "false",
        });

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.AllLines, l => l.Contains("did not start", StringComparison.Ordinal));
        Assert.Contains("migrate", line);
        Assert.Contains("Database:WaitForMigrationsSeconds", line);
        Assert.DoesNotContain(outcome.AllLines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    private static string Target(TestDatabase database)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    private static Dictionary<string, string> Environment(TestDatabase database) => new()
    {
        ["Database__Provider"] = database.Provider.ToString(),
        ["ConnectionStrings__BurdenShift"] = database.ConnectionString,
        ["Seed__Dataset"] = "public-record",
    };
}
