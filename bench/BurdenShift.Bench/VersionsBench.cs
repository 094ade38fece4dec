using System.Globalization;

namespace BurdenShift.Bench;

/// <summary>
/// "versions": what one data version costs the first reader after a change, in a warm app. The
/// `scale` mode times the first request of a freshly started app, where about 300 ms of JIT hides
/// the computation; here each path is warmed first (by `--warm` untimed rounds of the same steps:
/// code that runs once per computation is compiled optimised only after about 30 calls, so a
/// process that has computed a few versions is still about three times slower than one that has
/// run for a while, as a server has), then, round after round, the data version is
/// raised from outside the app (as another process's import would) and the next request to the
/// path is timed (`ScaleBench.AfterChangeAsync`, which `scale` uses once per path): one computation
/// of the overview's figures (ADR 0012), with a median over rounds, at 1k and 1M share rows
/// and as many indicator observations, on SQLite and, with BURDENSHIFT_BENCH_PG, PostgreSQL.
/// See bench/README.md, "Issue 10, eighth part".
/// </summary>
internal static class VersionsBench
{
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- versions [--rows 1000,1000000] [--rounds 7] [--warm 30] [--paths overview|all]";

    // /api/areas computes the overview's figures; / also the indicators' (and renders the page).
    // "--paths all" times every request of `scale` (an area's entry, its charts, the pack, the
    // sources, the indicators' charts and the comparison) the same way.
    private static readonly string[] OverviewPaths = ["/api/areas?asOf=2026-06-30", "/?asOf=2026-06-30"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var sizes, out var rounds, out var warm, out var paths))
        {
            Console.Error.WriteLine(Usage.Trim());
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var databases = await BenchDatabase.ConfiguredAsync(cancel.Token);

        Console.WriteLine($"start {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {BenchStats.LoadAverage()}");
        var results = new List<Result>();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            foreach (var database in databases)
            {
                foreach (var rows in sizes)
                {
                    results.AddRange(await RunAsync(database, rows, rounds, warm, paths, http, cancel.Token));
                }
            }
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }

        Console.WriteLine($"end {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC, load average {BenchStats.LoadAverage()}");
        Print(results, sizes);
        return 0;
    }

    private static async Task<List<Result>> RunAsync(BenchDatabase database, int rows, int rounds, int warm, string[] paths, HttpClient http, CancellationToken ct)
    {
        var connectionString = await database.CreateAsync(rows, ct);
        try
        {
            // On PostgreSQL this also vacuums the filled tables, as autovacuum would (index-only scans).
            await database.FillBulkAsync(connectionString, rows, ct);

            using var app = AppProcess.Start(database.Provider, connectionString);
            await app.WaitUntilReadyAsync(http, ct);
            // JIT (to the optimised tier), EF's query compilation and the connection pool.
            for (var round = 0; round < warm; round++)
            {
                foreach (var path in paths)
                {
                    await ScaleBench.AfterChangeAsync(database, connectionString, app.BaseAddress, path, http, ct);
                }
            }

            var times = paths.ToDictionary(p => p, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var path in paths)
                {
                    times[path].Add(await ScaleBench.AfterChangeAsync(database, connectionString, app.BaseAddress, path, http, ct));
                }
            }

            var results = paths.Select(p => new Result(database.Provider, rows, p, [.. times[p].Order()])).ToList();
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{database.Provider}, {rows:N0} rows, {r.Path}: median {r.Median:0.0} ms, min {r.Sorted[0]:0.0}, max {r.Sorted[^1]:0.0}"));
            }

            return results;
        }
        finally
        {
            await database.DropAsync(connectionString);
        }
    }

    private static void Print(List<Result> results, int[] sizes)
    {
        var (small, large) = (sizes.Min(), sizes.Max());
        Console.WriteLine();
        Console.WriteLine($"| request, first after a change | provider | median ms ({small:N0}) | median ms ({large:N0}) | ratio | min ms ({small:N0} / {large:N0}) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => (r.Provider, r.Path)))
        {
            var s = group.Single(r => r.Rows == small);
            var l = group.Single(r => r.Rows == large);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{group.Key.Path}` | {group.Key.Provider} | {s.Median:0.0} | {l.Median:0.0} | {l.Median / s.Median:0.0}x | {s.Sorted[0]:0.0} / {l.Sorted[0]:0.0} |"));
        }
    }

    private static bool TryParse(string[] args, out int[] sizes, out int rounds, out int warm, out string[] paths)
    {
        sizes = [1_000, 1_000_000];
        rounds = 7;
        warm = 30;
        paths = OverviewPaths;
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return false;
            }

            switch (args[i])
            {
                case "--rows":
                    sizes = [.. args[i + 1].Split(',').Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n is >= 7 and <= 10_000_000 ? n : 0)];
                    if (sizes.Length < 2 || sizes.Contains(0))
                    {
                        return false;
                    }

                    break;
                case "--rounds" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 100:
                    rounds = r;
                    break;
                case "--warm" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 200:
                    warm = w;
                    break;
                case "--paths" when args[i + 1] is "overview" or "all":
                    paths = args[i + 1] == "all" ? ScaleBench.Paths : OverviewPaths;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private sealed record Result(string Provider, int Rows, string Path, double[] Sorted)
    {
        public double Median => BenchStats.Percentile(Sorted, 0.5);
    }
}
