using System.Diagnostics;
using BurdenShift.Core.Dashboard;
using BurdenShift.Core.Data;
using BurdenShift.Web.Exports;
using BurdenShift.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BurdenShift.Bench;

/// <summary>
/// In-process timings of the server-rendered exports over a seeded SQLite database: one area chart
/// as PNG and SVG (data load plus drawing) and a full briefing pack (every area) as PPTX and PDF.
/// See bench/README.md.
/// </summary>
internal static class ExportsBench
{
    private const int PerArea = 40;
    private const int Warmup = 3;
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly string[] Targets = ["2027", "2030"];

    public static async Task<int> RunAsync(int iterations, CancellationToken ct)
    {
        await using var database = new BenchDatabase.Sqlite();
        var connectionString = await database.CreateAsync(PerArea, ct);
        try
        {
            var seed = await database.FillAsync(connectionString, PerArea, ct);
            Console.WriteLine($"Sqlite, {PerArea} observations per area: seeded in {(seed.Schema + seed.Rows).TotalSeconds:0.00} s");

            var dashboard = new DashboardService(new SqliteFactory(connectionString));
            // A new data version at every call: the bench times the computation, not the shared cache.
            var cache = new DashboardCache(dashboard, () => Stopwatch.GetTimestamp(), connectionString);
            var charts = new ExportCharts(cache);
            var packs = new BriefingPacks(cache, Options.Create(new ExportOptions { Banner = "BENCHMARK" }));
            var areas = (await dashboard.GetAreasAsync(AsOf, ct)).Select(a => a.Key).ToList();
            var area = areas.First(k => k == "drones");

            var results = new List<Result>
            {
                await TimeAsync("chart PNG 1600x900 (load + draw)", iterations, async () =>
                    ChartRenderer.Png((await charts.AreaAsync(area, AsOf, Targets, ct: ct))!).Length),
                await TimeAsync("chart PNG 1600x900, scale 2 (load + draw)", iterations, async () =>
                    ChartRenderer.Png((await charts.AreaAsync(area, AsOf, Targets, ct: ct))!, scale: 2).Length),
                await TimeAsync("chart SVG 1600x900 (load + draw)", iterations, async () =>
                    ChartRenderer.Svg((await charts.AreaAsync(area, AsOf, Targets, ct: ct))!).Length),
                await TimeAsync($"pack PPTX, title + {areas.Count} areas (load + charts + write)", iterations, async () =>
                    PptxPackWriter.Write(await packs.BuildAsync(await packs.OverviewAsync(AsOf, ct), areas, Targets, ct: ct)).Length),
                await TimeAsync($"pack PDF, title + {areas.Count} areas (load + charts + write)", iterations, async () =>
                    PdfPackWriter.Write(await packs.BuildAsync(await packs.OverviewAsync(AsOf, ct), areas, Targets, ct: ct)).Length),
            };

            Console.WriteLine();
            Console.WriteLine($"In process, SQLite, {PerArea} share observations per area, asOf {AsOf:yyyy-MM-dd}, {iterations} timed runs after {Warmup} warm-up runs");
            Console.WriteLine();
            Console.WriteLine("| export | median ms | p90 ms | min ms | max ms | bytes |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                Console.WriteLine($"| {r.Name} | {r.Median:0.0} | {r.P90:0.0} | {r.SortedMs[0]:0.0} | {r.SortedMs[^1]:0.0} | {r.Bytes:N0} |");
            }

            return 0;
        }
        finally
        {
            await database.DropAsync(connectionString);
        }
    }

    private static async Task<Result> TimeAsync(string name, int iterations, Func<Task<int>> run)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await run();
        }

        var times = new double[iterations];
        var bytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            bytes = await run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        var result = new Result(name, times, bytes);
        Console.WriteLine($"  {name}: median {result.Median:0.0} ms");
        return result;
    }

    private sealed record Result(string Name, double[] SortedMs, int Bytes)
    {
        public double Median => SortedMs.Length % 2 == 1
            ? SortedMs[SortedMs.Length / 2]
            : (SortedMs[(SortedMs.Length / 2) - 1] + SortedMs[SortedMs.Length / 2]) / 2;

        public double P90 => SortedMs[(int)Math.Ceiling(0.9 * SortedMs.Length) - 1];
    }

    private sealed class SqliteFactory(string connectionString) : IDbContextFactory<BurdenShiftDbContext>
    {
        public BurdenShiftDbContext CreateDbContext() =>
            new SqliteBurdenShiftDbContext(new DbContextOptionsBuilder<SqliteBurdenShiftDbContext>().UseSqlite(connectionString).Options);
    }
}
