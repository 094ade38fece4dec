using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace BurdenShift.Bench;

/// <summary>
/// "scale": the same requests against a short and a very long share history (default 1,000 and
/// 1,000,000 share rows in all, over the 7 standard areas), on SQLite and, with
/// BURDENSHIFT_BENCH_PG, PostgreSQL: time of the first (uncached, with the process's JIT) and the
/// median of the later requests, then of the first after a data change in the warm process (the
/// computation of a data version alone), response bytes, and the app's peak memory. With PostgreSQL, the plans of the
/// dashboard's queries at the larger size (<see cref="QueryPlans"/>). See bench/README.md.
/// </summary>
internal static class ScaleBench
{
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- scale [--rows 1000,1000000] [--requests 5] [--plans FILE]";
    private const string AsOf = "2026-06-30";

    // What readers ask for: the read API, the two pages, an area chart and a briefing pack (title + the area).
    internal static readonly string[] Paths =
    [
        $"/api/areas?asOf={AsOf}",
        $"/api/areas/isr?asOf={AsOf}",
        $"/?asOf={AsOf}",
        $"/areas/isr?asOf={AsOf}",
        $"/api/export/chart/isr.png?asOf={AsOf}",
        $"/api/export/pack.pptx?areas=isr&asOf={AsOf}",
        // The registry's first page lists the source every bench row cites: its count and newest 10.
        $"/sources?asOf={AsOf}",
        // Issue 10, sixth part: a million indicator observations too. The chart of an area's
        // indicator (its whole history, the area's entry), that of the indicator of no area and the
        // compare page's indicators (both at HistoryDepth.Chart).
        $"/api/export/chart/indicator/isr-{BenchDatabase.IndicatorSuffix}.png?asOf={AsOf}",
        $"/api/export/chart/indicator/{BenchDatabase.AllianceIndicator}.png?asOf={AsOf}",
        $"/compare?mode=indicators&keys=isr-{BenchDatabase.IndicatorSuffix},{BenchDatabase.AllianceIndicator}&asOf={AsOf}",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var sizes, out var requests, out var plansFile))
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

        var results = new List<Result>();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            foreach (var database in databases)
            {
                foreach (var rows in sizes)
                {
                    results.AddRange(await RunAsync(database, rows, requests, http, rows == sizes.Max() ? plansFile : null, cancel.Token));
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

        Print(results, sizes);
        return 0;
    }

    private static async Task<List<Result>> RunAsync(BenchDatabase database, int rows, int requests, HttpClient http, string? plansFile, CancellationToken ct)
    {
        var connectionString = await database.CreateAsync(rows, ct);
        var results = new List<Result>();
        try
        {
            var clock = Stopwatch.StartNew();
            await database.FillBulkAsync(connectionString, rows, ct);
            Console.WriteLine($"{database.Provider}, {rows:N0} share rows and as many indicator observations: filled in {clock.Elapsed.TotalSeconds:0.0} s");
            if (plansFile is not null && database is BenchDatabase.Postgres)
            {
                await QueryPlans.WriteAsync(connectionString, plansFile, ct);
                Console.WriteLine($"  query plans written to {plansFile}");
            }

            using var app = AppProcess.Start(database.Provider, connectionString);
            await app.WaitUntilReadyAsync(http, ct);
            foreach (var path in Paths)
            {
                var times = new List<double>();
                long bytes = 0;
                for (var i = 0; i <= requests; i++)
                {
                    var (ms, length) = await TimedGetAsync(http, app.BaseAddress, path, ct);
                    bytes = length;
                    times.Add(ms);
                }

                var later = times.Skip(1).Order().ToArray();
                results.Add(new Result(database.Provider, rows, path, times[0], later[later.Length / 2], bytes, 0));
                // The peak so far after each request: which request raised the process's peak memory.
                Console.WriteLine($"  {path}: first {times[0]:0.0} ms, then median {later[later.Length / 2]:0.0} ms, {bytes:N0} bytes, peak so far {(app.PeakMemoryBytes ?? 0) / 1048576.0:0} MiB");
            }

            // The cost of a data version: the process is warm now (JIT, EF's compiled queries,
            // pooled connections), so the first request after a change is the computation alone.
            for (var i = 0; i < Paths.Length; i++)
            {
                var changeMs = await AfterChangeAsync(database, connectionString, app.BaseAddress, Paths[i], http, ct);
                results[i] = results[i] with { ChangeMs = changeMs };
                Console.WriteLine($"  {Paths[i]}: first after a change {changeMs:0.0} ms");
            }

            var peak = app.PeakMemoryBytes ?? 0;
            Console.WriteLine($"  peak memory {peak / 1048576.0:0} MiB");
            return [.. results.Select(r => r with { PeakBytes = peak })];
        }
        finally
        {
            await database.DropAsync(connectionString);
        }
    }

    // Moves the data version, waits until the app has seen it (its long poll answers with the new
    // version), then times one request: computed afresh, as the first reader after an edit finds it.
    internal static async Task<double> AfterChangeAsync(BenchDatabase database, string connectionString, Uri app, string path, HttpClient http, CancellationToken ct)
    {
        var version = (await http.GetFromJsonAsync<VersionAnswer>(new Uri(app, "/live/version"), ct))!.Version;
        await database.BumpVersionAsync(connectionString, ct);
        while ((await http.GetFromJsonAsync<VersionAnswer>(new Uri(app, $"/live/version?since={Uri.EscapeDataString(version)}"), ct))!.Version == version)
        {
            // The poll was held to its end without a change: ask again.
        }

        return (await TimedGetAsync(http, app, path, ct)).Ms;
    }

    /// <summary>One GET timed to its last byte, and the body's length; anything but 200 stops the bench.</summary>
    internal static async Task<(double Ms, int Bytes)> TimedGetAsync(HttpClient http, Uri app, string path, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(app, path), HttpCompletionOption.ResponseHeadersRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        watch.Stop();
        return response.StatusCode == HttpStatusCode.OK
            ? (watch.Elapsed.TotalMilliseconds, body.Length)
            : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
    }

    private sealed record VersionAnswer(string Version);

    private static void Print(List<Result> results, int[] sizes)
    {
        var (small, large) = (sizes.Min(), sizes.Max());
        Console.WriteLine();
        Console.WriteLine($"| request | provider | first ms ({small:N0}) | later median ms ({small:N0}) | first ms ({large:N0}) | later median ms ({large:N0}) | after a change ms ({small:N0}) | after a change ms ({large:N0}) | bytes ({small:N0}) | bytes ({large:N0}) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => (r.Provider, r.Path)))
        {
            var s = group.Single(r => r.Rows == small);
            var l = group.Single(r => r.Rows == large);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{group.Key.Path}` | {group.Key.Provider} | {s.FirstMs:0.0} | {s.MedianMs:0.0} | {l.FirstMs:0.0} | {l.MedianMs:0.0} | {s.ChangeMs:0.0} | {l.ChangeMs:0.0} | {s.Bytes:N0} | {l.Bytes:N0} |"));
        }

        Console.WriteLine();
        foreach (var provider in results.Select(r => r.Provider).Distinct())
        {
            var peaks = sizes.Select(size => results.First(r => r.Provider == provider && r.Rows == size).PeakBytes / 1048576.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider} peak memory (MiB): {string.Join(" / ", peaks.Select(p => p.ToString("0", CultureInfo.InvariantCulture)))} at {string.Join(" / ", sizes.Select(z => z.ToString("N0", CultureInfo.InvariantCulture)))} rows"));
        }
    }

    private static bool TryParse(string[] args, out int[] sizes, out int requests, out string? plansFile)
    {
        sizes = [1_000, 1_000_000];
        requests = 5;
        plansFile = null;
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return false;
            }

            switch (args[i])
            {
                case "--rows":
                    var parts = args[i + 1].Split(',');
                    sizes = [.. parts.Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n is >= 7 and <= 10_000_000 ? n : 0)];
                    if (sizes.Length < 2 || sizes.Contains(0))
                    {
                        return false;
                    }

                    break;
                case "--requests" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 1000:
                    requests = r;
                    break;
                case "--plans":
                    plansFile = args[i + 1];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private sealed record Result(string Provider, int Rows, string Path, double FirstMs, double MedianMs, long Bytes, long PeakBytes, double ChangeMs = 0);
}
