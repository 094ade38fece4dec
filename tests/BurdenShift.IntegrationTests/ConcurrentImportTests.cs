namespace BurdenShift.IntegrationTests;

/// <summary>
/// Imports running at the same time that cite the same new source (defect 3 of issue 11: a
/// unique-key crash in 5 of 16 runs). Each must succeed, as if they had run one after another.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrentImportTests(PostgresServer postgres)
{
    private const int Imports = 4;

    private static string Csv(string citation, int import) =>
        "area,as_of,europe_share,us_share,source,confidence,note\n" +
        $"drones,2025-06-30,38.5,55,{citation},medium,import {import} row 1\n" +
        $"ammunition,2025-06-30,40,50,{citation},low,import {import} row 2\n";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Four_imports_at_once_citing_the_same_new_source_all_succeed_round_after_round(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var app = AppFactory.For(database, dataset: "none");
        app.CreateClient().Dispose();
        var importer = app.Services.GetRequiredService<FigureImporter>();

        for (var round = 0; round < 8; round++)
        {
            var citation = $"Round {round} Institute";
            using var start = new Barrier(Imports);
            var results = await Task.WhenAll(Enumerable.Range(0, Imports).Select(i => Task.Run(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                return importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Csv(citation, i))), $"import:{round}-{i}.csv", dryRun: false);
            })));

            Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Problems)));
            await AssertEachImportOnceAsync(database, citation);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Four_cli_imports_at_once_citing_the_same_new_source_all_exit_0(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using (var app = AppFactory.For(database, dataset: "none"))
        {
            app.CreateClient().Dispose();
        }

        var dir = Directory.CreateTempSubdirectory("burdenshift-concurrent-").FullName;
        try
        {
            const string Citation = "Concurrent Citation Institute";
            for (var i = 0; i < Imports; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(dir, $"file{i}.csv"), Csv(Citation, i));
            }

            var env = new Dictionary<string, string>
            {
                ["Database__Provider"] = provider.ToString(),
                ["ConnectionStrings__BurdenShift"] = database.ConnectionString,
            };
            var runs = await Task.WhenAll(Enumerable.Range(0, Imports).Select(i => AppProcess.RunAsync(["import", $"file{i}.csv"], env, dir)));

            Assert.All(runs, r => Assert.True(r.ExitCode == 0, string.Join("\n", r.AllLines)));
            await AssertEachImportOnceAsync(database, Citation);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every import's rows once, each citing a registry entry of its own for the citation (as run one after another).</summary>
    private static async Task AssertEachImportOnceAsync(TestDatabase database, string citation)
    {
        await using var db = database.CreateContext();
        var rows = await db.ShareAssessments.Where(s => s.Source!.Publisher == citation).Select(s => new { s.Note, s.Source!.Key }).ToListAsync();
        Assert.Equal(Imports * 2, rows.Count);
        for (var i = 0; i < Imports; i++)
        {
            Assert.Single(rows, r => r.Note == $"import {i} row 1");
            Assert.Single(rows, r => r.Note == $"import {i} row 2");
        }

        Assert.Equal(Imports, await db.Sources.CountAsync(s => s.Publisher == citation));
        Assert.Equal(Imports, rows.Select(r => r.Key).Distinct().Count());
    }
}
