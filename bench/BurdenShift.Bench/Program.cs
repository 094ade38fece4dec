using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace BurdenShift.Bench;

/// <summary>
/// "overview": latency of the overview API (GET /api/areas) against the built app, with a short and a long
/// share history per area, on SQLite and, when BURDENSHIFT_BENCH_PG names an empty database,
/// on PostgreSQL. See bench/README.md.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: dotnet run -c Release --project bench/BurdenShift.Bench -- overview [--requests 50]\n"
        + "       dotnet run -c Release --project bench/BurdenShift.Bench -- exports [--iterations 25]\n" + LoadBench.Usage + "\n" + ScaleBench.Usage
        + "\n" + CircuitsBench.Usage + "\n" + ReadersBench.Usage + "\n" + ThroughputBench.Usage + "\n" + ReviewBench.Usage
        + "\n" + VersionsBench.Usage;
    private const string PostgresVariable = "BURDENSHIFT_BENCH_PG";
    private const string AsOf = "2026-06-30";
    private const int WarmupRequests = 5;
    private static readonly int[] Sizes = [10, 10_000];

    private static async Task<int> Main(string[] args)
    {
        if (args is ["load", ..])
        {
            return await LoadBench.RunAsync(args);
        }

        if (args is ["scale", ..])
        {
            return await ScaleBench.RunAsync(args);
        }

        if (args is ["versions", ..])
        {
            return await VersionsBench.RunAsync(args);
        }

        if (args is ["throughput", ..])
        {
            return await ThroughputBench.RunAsync(args);
        }

        if (args is ["circuits", ..])
        {
            return await CircuitsBench.RunAsync(args);
        }

        if (args is ["readers", ..])
        {
            return await ReadersBench.RunAsync(args);
        }

        if (args is ["review", ..])
        {
            return await ReviewBench.RunAsync(args);
        }

        if (args is ["exports", ..])
        {
            var iterations = args switch
            {
                ["exports"] => 25,
                ["exports", "--iterations", var n] when int.TryParse(n, CultureInfo.InvariantCulture, out var i) && i is >= 1 and <= 1_000 => i,
                _ => 0,
            };
            if (iterations == 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            return await ExportsBench.RunAsync(iterations, CancellationToken.None);
        }

        var requests = args switch
        {
            ["overview"] => 50,
            ["overview", "--requests", var n] when int.TryParse(n, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 10_000 => r,
            _ => 0,
        };
        if (requests == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        // Ctrl+C cancels instead of ending the process, so the child app is still killed and the files deleted.
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var databases = new List<BenchDatabase>();
        var runs = new List<Run>();
        try
        {
            databases.Add(new BenchDatabase.Sqlite());
            if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } pg)
            {
                var postgres = new BenchDatabase.Postgres(pg);
                databases.Add(postgres);
                // Checked before any work, so a wrong database fails in a second, not after the SQLite runs.
                await postgres.EnsureEmptyAsync(cancel.Token);
            }

            // No proxy: every request goes straight to the app on 127.0.0.1, whatever HTTP_PROXY says.
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
            foreach (var database in databases)
            {
                foreach (var size in Sizes)
                {
                    runs.Add(await RunAsync(database, size, requests, http, cancel.Token));
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException or HttpRequestException)
        {
            // The bench's own failures carry a message that says what to do; a stack trace would bury it.
            Console.Error.WriteLine($"overview benchmark failed: {ex.Message}");
            return 1;
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }

        PrintTable(runs, requests);
        return 0;
    }

    private static async Task<Run> RunAsync(BenchDatabase database, int perArea, int requests, HttpClient http, CancellationToken ct)
    {
        Console.WriteLine($"{database.Provider}, {perArea:N0} observations per area: seeding");
        var connectionString = await database.CreateAsync(perArea, ct);
        try
        {
            var seed = await database.FillAsync(connectionString, perArea, ct);
            Console.WriteLine($"  seeded in {seed.Schema.TotalSeconds:0.00} s (schema) + {seed.Rows.TotalSeconds:0.00} s (rows); starting the app");

            var startClock = Stopwatch.StartNew();
            using var app = AppProcess.Start(database.Provider, connectionString);
            await app.WaitUntilReadyAsync(http, ct);
            var startup = startClock.Elapsed;

            var overview = new Uri(app.BaseAddress, $"/api/areas?asOf={AsOf}");
            // The first requests pay for JIT, EF's query compilation and connection set-up.
            for (var i = 0; i < WarmupRequests; i++)
            {
                Check(await http.GetByteArrayAsync(overview, ct));
            }

            var times = new double[requests];
            var bytes = 0;
            for (var i = 0; i < requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var body = await http.GetByteArrayAsync(overview, ct);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                bytes = body.Length;
            }

            // The app computes once per (as-of date, data version) and serves repeats from its cache
            // (docs/decisions/0012): a new as-of date per request times the computation itself.
            var uncached = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                var date = DateOnly.Parse(AsOf, CultureInfo.InvariantCulture).AddDays(-1 - i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var start = Stopwatch.GetTimestamp();
                await http.GetByteArrayAsync(new Uri(app.BaseAddress, $"/api/areas?asOf={date}"), ct);
                uncached[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            Array.Sort(uncached);
            var run = new Run(database.Provider, perArea, seed, startup, times, bytes, uncached);
            Console.WriteLine($"  median {run.Median:0.0} ms, p90 {run.P90:0.0} ms, {bytes:N0} bytes; uncached median {Run.MedianOf(uncached):0.0} ms");
            return run;
        }
        finally
        {
            await database.DropAsync(connectionString);
        }
    }

    /// <summary>Fails the run unless every area reports the bench's last observation: a fast empty answer measures nothing.</summary>
    private static void Check(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var areas = json.RootElement.EnumerateArray().ToList();
        if (areas.Count == 0 || areas.Any(a => a.GetProperty("latest") is not { ValueKind: JsonValueKind.Object } latest
            || latest.GetProperty("date").GetString() != AsOf))
        {
            throw new InvalidOperationException($"The overview does not show the seeded figures as of {AsOf}.");
        }
    }

    private static void PrintTable(List<Run> runs, int requests)
    {
        Console.WriteLine();
        Console.WriteLine($"GET /api/areas?asOf={AsOf}, {requests} sequential requests after {WarmupRequests} warm-up requests");
        Console.WriteLine();
        Console.WriteLine("| observations per area | provider | seed s (schema + rows) | app start s | median ms | p90 ms | min ms | max ms | response bytes | uncached median ms | uncached p90 ms |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            Console.WriteLine(
                $"| {r.PerArea:N0} | {r.Provider} | {r.Seed.Schema.TotalSeconds:0.00} + {r.Seed.Rows.TotalSeconds:0.00} | {r.Startup.TotalSeconds:0.00} " +
                $"| {r.Median:0.0} | {r.P90:0.0} | {r.SortedMs[0]:0.0} | {r.SortedMs[^1]:0.0} | {r.Bytes:N0} " +
                $"| {Run.MedianOf(r.UncachedMs):0.0} | {Run.P90Of(r.UncachedMs):0.0} |");
        }

        Console.WriteLine();
        foreach (var provider in runs.GroupBy(r => r.Provider))
        {
            var small = provider.Single(r => r.PerArea == Sizes[0]);
            var large = provider.Single(r => r.PerArea == Sizes[^1]);
            Console.WriteLine($"{provider.Key}: median({large.PerArea:N0}) / median({small.PerArea:N0}) = {large.Median / small.Median:0.0}x, "
                + $"uncached {Run.MedianOf(large.UncachedMs) / Run.MedianOf(small.UncachedMs):0.0}x");
        }
    }

    private sealed record Run(string Provider, int PerArea, SeedTime Seed, TimeSpan Startup, double[] SortedMs, int Bytes, double[] UncachedMs)
    {
        public double Median => MedianOf(SortedMs);

        public double P90 => P90Of(SortedMs);

        public static double MedianOf(double[] sorted) => sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

        // Nearest rank: the smallest time that at least 90% of the requests did not exceed.
        public static double P90Of(double[] sorted) => sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
    }
}
