using System.IO.Compression;
using System.Text.Json.Nodes;
using BurdenShift.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace BurdenShift.IntegrationTests;

/// <summary><c>backup FILE</c> and <c>restore FILE</c> as an operator runs them, across both providers.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BackupRestoreTests(PostgresServer postgres) : IDisposable
{
    private static readonly System.Security.Claims.ClaimsPrincipal Editor = EditScene.User("editor@example.org", Roles.Editor);
    private readonly string _dir = Directory.CreateTempSubdirectory("burdenshift-backup-").FullName;

    private static readonly string[] Endpoints =
    [
        .. new[] { "2024-12-31", "2026-06-30", "2030-12-31" }.SelectMany(d => new[]
        {
            $"/api/areas?asOf={d}", $"/api/areas/drones?asOf={d}", $"/api/areas/isr?asOf={d}", $"/api/areas/enablers?asOf={d}", $"/api/indicators?asOf={d}", $"/api/index?asOf={d}",
        }),
    ];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, string> Env(TestDatabase database) => new()
    {
        ["Database__Provider"] = database.Provider.ToString(),
        ["ConnectionStrings__BurdenShift"] = database.ConnectionString,
    };

    private static async Task<Dictionary<string, string>> ReadApiAsync(AppFactory app)
    {
        using var client = app.CreateClient();
        var bodies = new Dictionary<string, string>();
        foreach (var url in Endpoints)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies[url] = await response.Content.ReadAsStringAsync();
        }

        return bodies;
    }

    /// <summary>A seeded database with an import, an edit and a deletion: change sets, audit entries and a deleted row.</summary>
    private static async Task FillAsync(AppFactory app)
    {
        app.CreateClient().Dispose();
        // With ranges (issue 14): the archive carries the bounds and the API's range figures come back byte for byte.
        var csv = "area,as_of,europe_share,us_share,source,confidence,note,europe_share_low,europe_share_high,us_share_low,us_share_high\n" +
            "drones,2024-06-30,30,60,Example Institute,medium,,25,35.5,,\ndrones,2025-06-30,38.5,55,Example Institute,medium,,33,44,50,60\n" +
            "isr,2025-09-30,,78.25,reuters-2027,low,US only,,,70,85\n";
        var import = await app.Services.GetRequiredService<FigureImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test", dryRun: false);
        Assert.True(import.Succeeded, string.Join("\n", import.Problems));
        var editor = app.Services.GetRequiredService<FigureEditor>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<BurdenShiftDbContext>>().CreateDbContextAsync();
        var ids = await db.ShareAssessments.Where(s => s.Area!.Key == "drones").OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var first = (await editor.LoadAsync(FigureKind.Assessment, ids[0]))!;
        Assert.True((await editor.SaveAsync(EditScene.Edit(first, "corrected", ("europeShare", "31.75")), Editor)).Succeeded);
        var second = (await editor.LoadAsync(FigureKind.Assessment, ids[1]))!;
        Assert.True((await editor.DeleteAsync(FigureKind.Assessment, ids[1], second.Token, "double counted", Editor)).Succeeded);
    }

    private async Task<string> BackupAsync(TestDatabase database, string name, params string[] extra)
    {
        var file = Path.Combine(_dir, name);
        var run = await AppProcess.RunAsync(["backup", file, .. extra], Env(database));
        Assert.True(run.ExitCode == 0, string.Join("\n", run.AllLines));
        Assert.Contains(run.Stdout, l => l.StartsWith("backup: wrote", StringComparison.Ordinal));
        return file;
    }

    private static async Task RestoreAsync(TestDatabase database, string file)
    {
        var run = await AppProcess.RunAsync(["restore", file], Env(database));
        Assert.True(run.ExitCode == 0, string.Join("\n", run.AllLines));
        Assert.Contains(run.Stdout, l => l.StartsWith("restore: loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sqlite_to_postgres_and_back_answers_the_read_api_byte_for_byte_and_keeps_history_and_revert()
    {
        await using var sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using var pg = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        await using var back = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        Dictionary<string, string> original;
        IReadOnlyList<HistoryEntry> history;
        await using (var app = AppFactory.For(sqlite, time: FixedTime.Default))
        {
            await FillAsync(app);
            original = await ReadApiAsync(app);
            history = await app.Services.GetRequiredService<AuditHistory>().GetAreaHistoryAsync("drones");
        }

        await RestoreAsync(pg, await BackupAsync(sqlite, "from-sqlite.zip"));
        await RestoreAsync(back, await BackupAsync(pg, "from-postgres.zip"));

        foreach (var restored in new[] { pg, back })
        {
            await using var app = AppFactory.For(restored, time: FixedTime.Default);
            var answers = await ReadApiAsync(app);
            foreach (var url in Endpoints)
            {
                Assert.Equal(original[url], answers[url]);
            }

            // The same history, and its changes can still be reverted: the deletion is undone and
            // the revert gets the next id (PostgreSQL's identity sequences continue after the restored rows).
            var changes = app.Services.GetRequiredService<AuditHistory>();
            var restoredHistory = await changes.GetAreaHistoryAsync("drones");
            Assert.Equal(history.Select(h => (h.Id, h.Action, h.Summary, h.By)), restoredHistory.Select(h => (h.Id, h.Action, h.Summary, h.By)));
            var deletion = restoredHistory.First(h => h.Action == AuditTrail.Delete);
            var revert = await app.Services.GetRequiredService<FigureEditor>().RevertAsync(deletion.Id, "it was not double counted", Editor);
            Assert.True(revert.Succeeded, string.Join("; ", revert.Errors.Values));
            var after = await changes.GetAreaHistoryAsync("drones");
            Assert.Equal(history.Max(h => h.Id) + 1, after[0].Id);
            Assert.NotEqual(original["/api/areas/drones?asOf=2026-06-30"], (await ReadApiAsync(app))["/api/areas/drones?asOf=2026-06-30"]);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Restore_refuses_a_database_with_data_and_a_newer_archive_and_writes_nothing(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        await using (var app = AppFactory.For(source, dataset: "none"))
        {
            app.CreateClient().Dispose();
        }

        var archive = await BackupAsync(source, "none.zip");
        var newer = Path.Combine(_dir, "newer.zip");
        File.Copy(archive, newer);
        using (var zip = ZipFile.Open(newer, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            JsonNode manifest;
            using (var reader = new StreamReader(entry.Open()))
            {
                manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
            }

            manifest["formatVersion"] = 2;
            entry.Delete();
            await using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            await writer.WriteAsync(manifest.ToJsonString());
        }

        // A database the app already seeded: refused, and it keeps exactly what it had.
        await using var seeded = await TestDatabase.CreateAsync(provider, postgres);
        await using (var app = AppFactory.For(seeded))
        {
            app.CreateClient().Dispose();
        }

        var (areasBefore, versionBefore) = await CountAsync(seeded);
        var full = await AppProcess.RunAsync(["restore", archive], Env(seeded));
        Assert.Equal(1, full.ExitCode);
        Assert.Contains(full.Stderr, l => l.Contains("is not empty (", StringComparison.Ordinal) && l.Contains("Nothing was written", StringComparison.Ordinal));
        Assert.Equal((areasBefore, versionBefore), await CountAsync(seeded));

        // A newer archive into an empty database: refused, the database stays empty.
        await using var empty = await TestDatabase.CreateAsync(provider, postgres);
        var future = await AppProcess.RunAsync(["restore", newer], Env(empty));
        Assert.Equal(1, future.ExitCode);
        Assert.Contains(future.Stderr, l => l.Contains("format version 2", StringComparison.Ordinal) && l.Contains("newer BurdenShift", StringComparison.Ordinal));
        await using (var db = empty.CreateContext())
        {
            Assert.False(await db.Areas.IgnoreQueryFilters().AnyAsync());
            Assert.False(await db.DatasetInfo.AnyAsync());
        }

        var usage = await AppProcess.RunAsync(["restore"], Env(empty));
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains(usage.Stderr, l => l.StartsWith("usage:", StringComparison.Ordinal));
    }

    private static async Task<(int Areas, long Version)> CountAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return (await db.Areas.IgnoreQueryFilters().CountAsync(), (await db.DatasetInfo.SingleAsync()).DataVersion);
    }

    [Fact]
    public async Task Accounts_travel_only_with_include_accounts_and_the_user_signs_in_after_a_restore()
    {
        const string Email = "editor@example.org", Password = "a long enough passphrase";
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres);
        var add = await AppProcess.RunAsync(["users", "add", "--email", Email, "--role", "Editor"], Env(source), stdin: Password + "\n");
        Assert.Equal(0, add.ExitCode);

        var without = await BackupAsync(source, "data-only.zip");
        var with = await BackupAsync(source, "with-accounts.zip", "--include-accounts");
        using (var zip = ZipFile.OpenRead(without))
        {
            Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("AspNet", StringComparison.Ordinal));
        }

        await using var pg = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres);
        await RestoreAsync(pg, with);
        await using var app = AppFactory.For(pg);
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BurdenShiftUser>>();
        var user = await users.FindByEmailAsync(Email);
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, Roles.Editor));
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<BurdenShiftUser>>();
        Assert.True((await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true)).Succeeded);
        Assert.False((await signIn.CheckPasswordSignInAsync(user, Password + "x", lockoutOnFailure: true)).Succeeded);
    }
}
