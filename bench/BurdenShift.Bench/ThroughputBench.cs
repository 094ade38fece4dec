using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BurdenShift.Bench;

/// <summary>
/// "throughput": issue 10's ratios. One app process (SQLite, the public-record dataset) and, in
/// this process, a bare Kestrel endpoint that writes the bytes the app's <c>/api/areas</c> answered
/// (no middleware, no routing, no serialisation: the ceiling of serving that answer on this
/// machine). C clients send GET requests one after another for T seconds to each of
/// <c>/</c> (the server-rendered overview, an anonymous reader's static page), <c>/api/areas</c>
/// and the bare endpoint, all at the same as-of date, and it prints requests per second and the
/// ratios <c>/</c> : <c>/api/areas</c> (goal at least 0.8) and <c>/api/areas</c> : bare (at least 0.3).
/// With <c>--encoding br</c> every request sends the <c>Accept-Encoding</c> Chromium sends (a
/// reader's browser), and the bytes printed are those on the wire.
/// </summary>
internal static class ThroughputBench
{
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- throughput [--clients 8] [--seconds 10] [--encoding br]";
    private const string AsOf = "2026-06-30";

    public static async Task<int> RunAsync(string[] args)
    {
        var (clients, seconds, encoding) = (8, 10, (string?)null);
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            int? number = int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 600 ? n : null;
            switch (args[i])
            {
                case "--clients" when number is { } c:
                    clients = c;
                    break;
                case "--seconds" when number is { } t:
                    seconds = t;
                    break;
                case "--encoding" when value is "br" or "none":
                    // What Chromium sends with every request.
                    encoding = value == "br" ? "gzip, deflate, br, zstd" : null;
                    break;
                default:
                    Console.Error.WriteLine(Usage.Trim());
                    return 2;
            }
        }

        Console.WriteLine($"load average before: {BenchStats.LoadAverage()}");
        var database = new BenchDatabase.Sqlite();
        var connectionString = await database.CreateAsync(0, CancellationToken.None);
        try
        {
            // The app migrates and seeds the public-record dataset itself, and logs as in production.
            using var app = AppProcess.Start("Sqlite", connectionString, new Dictionary<string, string> { ["Seed__Dataset"] = "public-record" });
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, MaxConnectionsPerServer = clients })
            {
                Timeout = TimeSpan.FromMinutes(1),
            };
            if (encoding is not null)
            {
                http.DefaultRequestHeaders.Add("Accept-Encoding", encoding);
                Console.WriteLine($"every request sends Accept-Encoding: {encoding}");
            }

            await app.WaitUntilReadyAsync(http, CancellationToken.None);
            var api = new Uri(app.BaseAddress, $"/api/areas?asOf={AsOf}");
            var json = await http.GetByteArrayAsync(api);

            // The bare endpoint: the same bytes, from Kestrel with nothing in between.
            var bare = WebApplication.CreateSlimBuilder();
            bare.WebHost.UseUrls("http://127.0.0.1:0");
            bare.Logging.ClearProviders();
            await using var server = bare.Build();
            server.Run(async context =>
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength = json.Length;
                await context.Response.Body.WriteAsync(json);
            });
            await server.StartAsync();
            var bareUrl = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/areas");

            var targets = new (string Name, Uri Url)[]
            {
                ("`/` (static overview)", new Uri(app.BaseAddress, $"/?asOf={AsOf}")),
                ("`/api/areas`", api),
                ("bare endpoint, same JSON", bareUrl),
            };
            var results = new List<(string Name, double PerSecond, double P50, double P95, long Bytes, int Errors)>();
            // Warm-up: each target under the same load for a few seconds (JIT tiers, the shared
            // figures, the caches, connections), so that the order of the targets does not count.
            foreach (var (name, url) in targets)
            {
                await RunAsync(http, name, url, clients, TimeSpan.FromSeconds(3));
            }

            foreach (var (name, url) in targets)
            {
                results.Add(await RunAsync(http, name, url, clients, TimeSpan.FromSeconds(seconds)));
                Console.WriteLine($"  {name}: {results[^1].PerSecond:0} req/s");
            }

            await server.StopAsync();
            Console.WriteLine();
            Console.WriteLine($"| what | clients | req/s | p50 ms | p95 ms | bytes | errors |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Name} | {clients} | {r.PerSecond:0} | {r.P50:0.0} | {r.P95:0.0} | {r.Bytes:N0} | {r.Errors} |"));
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"`/` : `/api/areas` = {results[0].PerSecond / results[1].PerSecond:0.00} (goal >= 0.8); `/api/areas` : bare = {results[1].PerSecond / results[2].PerSecond:0.00} (goal >= 0.3)"));
            Console.WriteLine($"load average after: {BenchStats.LoadAverage()}");
            return 0;
        }
        finally
        {
            await database.DropAsync(connectionString);
        }
    }

    private static async Task<(string, double, double, double, long, int)> RunAsync(HttpClient http, string name, Uri url, int clients, TimeSpan duration)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    Interlocked.Exchange(ref bytes, body.Length);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (name, all.Length / elapsed, all[all.Length / 2], all[(int)Math.Ceiling(0.95 * all.Length) - 1], Interlocked.Read(ref bytes), errors);
    }
}
