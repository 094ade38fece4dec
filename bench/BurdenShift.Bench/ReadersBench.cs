using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using BurdenShift.E2ETests.Infrastructure;

namespace BurdenShift.Bench;

/// <summary>
/// "readers": the server's side of the live refresh for more open overview pages than this machine
/// can run Chromium for. Each reader is an HTTP client that does what a static overview page's
/// script does (wwwroot/app.js): it loads the page, holds a long poll of <c>/live/version</c> with the
/// version the page shows, and when that is answered with a new one fetches the same address again
/// the way Blazor's enhanced navigation does. After one CLI import (another process) it reports, from
/// the import's commit, when each reader's long poll and then its re-fetch were answered (the whole
/// new page received, compressed as Chromium accepts it, and checked to hold the new figure), the
/// SQL the app sent for all of them and the process's CPU time. What a browser then does with the page is measured by <c>circuits</c>.
/// </summary>
internal static partial class ReadersBench
{
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- readers [--readers 100,200,500,1000]";
    private const string Page = "/?asOf=2026-06-30";

    public static async Task<int> RunAsync(string[] args)
    {
        int[] counts = [100, 200, 500, 1000];
        if (args is ["readers", "--readers", var list])
        {
            counts = [.. list.Split(',').Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5000 ? n : 0)];
        }
        else if (args is not ["readers"])
        {
            counts = [];
        }

        if (counts.Length == 0 || counts.Contains(0))
        {
            Console.Error.WriteLine(Usage.Trim());
            return 2;
        }

        Directory.SetCurrentDirectory(AppContext.BaseDirectory); // see CircuitsBench
        var loadBefore = BenchStats.LoadAverage();
        var rows = new List<string>();
        foreach (var n in counts)
        {
            rows.Add(await RunAsync(n));
        }

        Console.WriteLine();
        Console.WriteLine($"load average before: {loadBefore}; after: {BenchStats.LoadAverage()}");
        Console.WriteLine("| readers | SQL commands after an import | version answered p50 / p95 / max ms | page re-fetch answered p50 / p95 / max ms | process CPU for the refresh ms (per reader) | bytes sent per re-fetch (median) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<string> RunAsync(int count)
    {
        await using var app = new InProcessApp();
        using var sql = new SqlCommandListener(app.DatabaseFile);
        // One connection per reader, as each browser has its own; no proxy.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = new Uri(app.BaseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };

        // Every reader loads the page (the first renders it, the others get the stored copy).
        var versions = new string[count];
        for (var i = 0; i < count; i++)
        {
            versions[i] = LiveVersion().Match(await http.GetStringAsync(Page)) is { Success: true } m
                ? m.Groups[1].Value
                : throw new InvalidOperationException("The overview carries no data-live-version: is it served statically?");
        }

        var holding = 0;
        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var readers = Enumerable.Range(0, count).Select(i => ReadAsync(http, versions[i], () => Interlocked.Increment(ref holding), done.Token)).ToList();
        while (Volatile.Read(ref holding) < count)
        {
            await Task.Delay(50);
        }

        await Task.Delay(500); // the last requests reach the server and are held

        sql.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var commit = LiveRefresh.CommitTimeAsync(app.DatabaseFile, done.Token);
        await LiveRefresh.ImportAsync(app.DatabaseFile);
        var changedAt = await commit;
        var results = await Task.WhenAll(readers);
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        await Task.Delay(500);

        var answered = results.Select(r => r.VersionAt - changedAt).Order().ToList();
        var fetched = results.Select(r => r.FetchedAt - changedAt).Order().ToList();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {sql.Count} | {Split(answered)} | {Split(fetched)} | {cpuMs:0} ({cpuMs / count:0.0}) | {results.Select(r => r.Bytes).Order().ElementAt(count / 2)} |");
        Console.WriteLine(line);
        return line;
    }

    private sealed record Reader(double VersionAt, double FetchedAt, int Bytes);

    private static async Task<Reader> ReadAsync(HttpClient http, string since, Func<int> held, CancellationToken ct)
    {
        held();
        while (true)
        {
            var answer = await http.GetStringAsync($"/live/version?since={since}", ct);
            if (LiveAnswer().Match(answer) is { Success: true } m && m.Groups[1].Value != since)
            {
                var versionAt = Now();
                using var request = new HttpRequestMessage(HttpMethod.Get, Page);
                request.Headers.TryAddWithoutValidation("accept", "text/html; blazor-enhanced-nav=on");
                request.Headers.TryAddWithoutValidation("accept-encoding", "gzip, deflate, br, zstd"); // as Chromium asks
                using var response = await http.SendAsync(request, ct);
                var sent = await response.Content.ReadAsByteArrayAsync(ct);
                var fetchedAt = Now();
                var body = Decode(sent, response.Content.Headers.ContentEncoding.FirstOrDefault());
                return DronesRow().Match(body) is { Success: true } row && row.Value.Contains("47.3", StringComparison.Ordinal)
                    ? new Reader(versionAt, fetchedAt, sent.Length)
                    : throw new InvalidOperationException("The page fetched after the change does not show the imported figure.");
            }
        }
    }

    private static string Decode(byte[] sent, string? coding)
    {
        using var input = new MemoryStream(sent);
        using Stream decoded = coding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(decoded);
        return reader.ReadToEnd();
    }

    private static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string Split(List<double> sorted) => string.Create(CultureInfo.InvariantCulture,
        $"{BenchStats.Percentile(sorted, 0.5):0} / {BenchStats.Percentile(sorted, 0.95):0} / {sorted[^1]:0}");

    [GeneratedRegex("data-live-version=\"([0-9]+)\"")]
    private static partial Regex LiveVersion();

    [GeneratedRegex("\"version\"\\s*:\\s*\"([0-9]*)\"")]
    private static partial Regex LiveAnswer();

    [GeneratedRegex("<tr[^>]*data-area=\"drones\".*?</tr>", RegexOptions.Singleline)]
    private static partial Regex DronesRow();
}
