using System.Diagnostics;
using System.Globalization;
using System.Text;
using BurdenShift.Core.Data;
using BurdenShift.Core.Data.Seeding;
using BurdenShift.Core.Imports;
using BurdenShift.Core.Review;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BurdenShift.Bench;

/// <summary>
/// "review": what a visit to /review costs with a large import draft pending (docs/decisions/0021),
/// on SQLite, in process: the draft's effect computed afresh (what every visit cost before the
/// effect was cached) against a repeat visit (the cached effect), and one previewed area page
/// (every pending draft replayed, then the page's figures). See bench/README.md.
/// </summary>
internal static class ReviewBench
{
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- review [--rows 5000]";

    private static readonly string[] Areas = ["drones", "isr", "air-defence", "missiles", "cyber", "ammunition"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args switch
        {
            ["review"] => 5_000,
            ["review", "--rows", var n] when int.TryParse(n, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 100_000 => r,
            _ => 0,
        };
        if (rows == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var file = Path.Combine(Path.GetTempPath(), $"burdenshift-review-bench-{Guid.NewGuid():N}.db");
        var factory = new Factory($"Data Source={file}");
        try
        {
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                await new DatabaseSeeder(TimeProvider.System, NullLogger<DatabaseSeeder>.Instance).SeedAsync(db, "public-record");
            }

            var csv = new StringBuilder("area,as_of,europe_share,us_share,source,confidence,note\n");
            for (var i = 0; i < rows; i++)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{Areas[i % Areas.Length]},{new DateOnly(2000, 1, 1).AddDays(i):yyyy-MM-dd},{20 + (i % 150 / 10m)},60,Bench Institute,medium,row {i}\n");
            }

            var importer = new FigureImporter(factory, TimeProvider.System, NullLogger<FigureImporter>.Instance, new ReviewPolicy(true));
            var clock = Stopwatch.StartNew();
            var proposed = await importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), ImportFormat.Csv, "bench@example.org",
                dryRun: false, draft: true);
            if (!proposed.Succeeded)
            {
                Console.Error.WriteLine(string.Join("\n", proposed.Problems.Take(5)));
                return 1;
            }

            Console.WriteLine($"import draft of {rows:N0} rows proposed in {clock.ElapsedMilliseconds} ms");
            long draftId;
            await using (var db = factory.CreateDbContext())
            {
                draftId = await db.Drafts.Select(d => d.Id).SingleAsync();
            }

            var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
            var fresh = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                // A queue without the cache: every visit computed every card's effect like this.
                using var uncached = new ReviewQueue(factory, TimeProvider.System, NullLogger<ReviewQueue>.Instance);
                clock.Restart();
                await uncached.PreviewAsync(draftId, asOf);
                fresh.Add(clock.Elapsed.TotalMilliseconds);
            }

            using var queue = new ReviewQueue(factory, TimeProvider.System, NullLogger<ReviewQueue>.Instance);
            await queue.PreviewAsync(draftId, asOf);
            var cached = new List<double>();
            for (var i = 0; i < 21; i++)
            {
                clock.Restart();
                await queue.PreviewAsync(draftId, asOf);
                cached.Add(clock.Elapsed.TotalMilliseconds);
            }

            clock.Restart();
            var area = await queue.WithDraftsAppliedAsync(await queue.GetPendingIdsAsync(), (d, ct) => d.GetAreaAsync("drones", asOf, ct));
            var previewed = clock.Elapsed.TotalMilliseconds;

            Console.WriteLine("| what | median ms | min | max |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(Row("effect of the draft, computed (each visit before; first visit now), 5 runs", fresh));
            Console.WriteLine(Row("effect of the draft, repeat visit (cached per draft and published version), 21 runs", cached));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| one previewed area page (drafts replayed, then the page; {area.Value?.ShareHistory.Rows:N0} assessments) | {previewed:0} | | |"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    private static string Row(string what, List<double> times)
    {
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {times[times.Count / 2]:0.00} | {times[0]:0.00} | {times[^1]:0.00} |");
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<BurdenShiftDbContext>
    {
        public BurdenShiftDbContext CreateDbContext() =>
            new SqliteBurdenShiftDbContext(new DbContextOptionsBuilder<SqliteBurdenShiftDbContext>().UseSqlite(connectionString).Options);
    }
}
