using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace BurdenShift.Bench;

/// <summary>
/// "load": two app instances on one database behind a real HAProxy (as docker-compose runs them),
/// N concurrent HTTP readers plus M interactive circuits (Chromium pages) for T seconds, all on
/// 127.0.0.1. Reports requests per second, latency percentiles and errors. See bench/README.md.
/// </summary>
internal static class LoadBench
{
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- load [--readers 16] [--circuits 10] [--seconds 30]";

    // What a reader reads, in turn: pages (server-rendered) and the read API.
    private static readonly string[] Paths = ["/", "/areas/isr", "/areas/drones", "/api/areas", "/compare?keys=isr,drones", "/sources"];

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var readers, out var circuits, out var seconds))
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

        BenchDatabase database = Environment.GetEnvironmentVariable("BURDENSHIFT_BENCH_PG") is { Length: > 0 } pg ? new BenchDatabase.Postgres(pg) : new BenchDatabase.Sqlite();
        var connectionString = await database.CreateAsync(0, cancel.Token);
        var apps = new List<AppProcess>();
        Haproxy? balancer = null;
        try
        {
            if (database is BenchDatabase.Postgres postgres)
            {
                await postgres.EnsureEmptyAsync(cancel.Token);
            }

            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, MaxConnectionsPerServer = 1024 })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            // Both start at once on the empty database: one migrates and seeds, the other waits for it.
            var extra = new Dictionary<string, string> { ["Seed__Dataset"] = "public-record", ["ForwardedHeaders__KnownProxies"] = "127.0.0.1" };
            apps.Add(AppProcess.Start(database.Provider, connectionString, extra));
            apps.Add(AppProcess.Start(database.Provider, connectionString, extra));
            await Task.WhenAll(apps.Select(a => a.WaitUntilReadyAsync(http, cancel.Token)));
            balancer = await Haproxy.StartAsync([.. apps.Select(a => a.BaseAddress.Port)], cancel.Token);
            Console.WriteLine($"{database.Provider}: 2 instances behind HAProxy at {balancer.BaseUrl}; {readers} readers and {circuits} circuits for {seconds} s");

            // Warm-up: JIT, EF query compilation and connections on both instances.
            foreach (var path in Paths.Concat(Paths))
            {
                using var warm = await http.GetAsync(balancer.BaseUrl + path, cancel.Token);
            }

            await using var browser = circuits > 0 ? await Circuits.OpenAsync(balancer.BaseUrl, circuits, cancel.Token) : null;
            var result = await ReadAsync(http, balancer.BaseUrl, readers, TimeSpan.FromSeconds(seconds), cancel.Token);
            var alive = browser is null ? 0 : await browser.CountInteractiveAsync();
            Print(database.Provider, readers, circuits, seconds, result, browser, alive);
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException or HttpRequestException or PlaywrightException)
        {
            Console.Error.WriteLine($"load benchmark failed: {ex.Message}");
            return 1;
        }
        finally
        {
            balancer?.Dispose();
            foreach (var app in apps)
            {
                app.Dispose();
            }

            await database.DropAsync(connectionString);
            await database.DisposeAsync();
        }
    }

    private static bool TryParse(string[] args, out int readers, out int circuits, out int seconds)
    {
        (readers, circuits, seconds) = (16, 10, 30);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (args[i])
            {
                case "--readers" when value is >= 0 and <= 256: readers = value; break;
                case "--circuits" when value is >= 0 and <= 50: circuits = value; break;
                case "--seconds" when value is >= 1 and <= 600: seconds = value; break;
                default: return false;
            }
        }

        return readers + circuits > 0;
    }

    private sealed record ReadResult(double[] SortedMs, int Errors, TimeSpan Elapsed, ConcurrentDictionary<string, int> ErrorKinds);

    private static async Task<ReadResult> ReadAsync(HttpClient http, string baseUrl, int readers, TimeSpan duration, CancellationToken ct)
    {
        var times = new ConcurrentBag<double>();
        var errorKinds = new ConcurrentDictionary<string, int>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, readers).Select(reader => Task.Run(async () =>
        {
            var n = reader;
            while (clock.Elapsed < duration)
            {
                var path = Paths[n++ % Paths.Length];
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(baseUrl + path, HttpCompletionOption.ResponseContentRead, ct);
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        errorKinds.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                    errorKinds.AddOrUpdate(ex.GetType().Name, 1, (_, c) => c + 1);
                }
            }
        }, ct)));
        var sorted = times.ToArray();
        Array.Sort(sorted);
        return new ReadResult(sorted, errors, clock.Elapsed, errorKinds);
    }

    private static void Print(string provider, int readers, int circuits, int seconds, ReadResult r, Circuits? browser, int alive)
    {
        var rps = r.SortedMs.Length / r.Elapsed.TotalSeconds;
        var kinds = r.ErrorKinds.IsEmpty ? "" : " (" + string.Join(", ", r.ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")";
        Console.WriteLine();
        Console.WriteLine($"Readers cycle through {string.Join(", ", Paths)}; circuits are Chromium pages on /areas/isr, held open throughout.");
        Console.WriteLine();
        Console.WriteLine("| provider | readers | circuits | seconds | requests | req/s | p50 ms | p95 ms | max ms | errors | circuits interactive at end | circuit start p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {readers} | {circuits} | {seconds} | {r.SortedMs.Length:N0} | {rps:0.0} | {BenchStats.Percentile(r.SortedMs, 0.5):0.0} | {BenchStats.Percentile(r.SortedMs, 0.95):0.0} " +
            $"| {(r.SortedMs.Length == 0 ? double.NaN : r.SortedMs[^1]):0.0} | {r.Errors}{kinds} | {alive}/{circuits} | {(browser is null ? "-" : browser.StartP95Ms.ToString("0", CultureInfo.InvariantCulture))} |"));
    }

    /// <summary>M Chromium pages, one browser context each, so the balancer spreads them like M visitors.</summary>
    private sealed class Circuits : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;
        private readonly List<IPage> _pages;

        private Circuits(IPlaywright playwright, IBrowser browser, List<IPage> pages, double startP95Ms)
        {
            _playwright = playwright;
            _browser = browser;
            _pages = pages;
            StartP95Ms = startP95Ms;
        }

        public double StartP95Ms { get; }

        public static async Task<Circuits> OpenAsync(string baseUrl, int count, CancellationToken ct)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = FindChromium(),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
            });
            var pages = new List<IPage>();
            var starts = new List<double>();
            for (var i = 0; i < count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var context = await browser.NewContextAsync();
                var page = await context.NewPageAsync();
                var start = Stopwatch.GetTimestamp();
                await page.GotoAsync(baseUrl + "/areas/isr");
                await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                starts.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                pages.Add(page);
            }

            starts.Sort();
            return new Circuits(playwright, browser, pages, BenchStats.Percentile([.. starts], 0.95));
        }

        public async Task<int> CountInteractiveAsync()
        {
            var alive = 0;
            foreach (var page in _pages)
            {
                // The marker is there and Blazor's reconnect dialog is not showing.
                var reconnecting = await page.EvaluateAsync<bool>(
                    "() => { const m = document.getElementById('components-reconnect-modal'); return !!m && getComputedStyle(m).display !== 'none'; }");
                if (!reconnecting && await page.GetByTestId("interactive").CountAsync() > 0)
                {
                    alive++;
                }
            }

            return alive;
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }

        private static string FindChromium() =>
            Environment.GetEnvironmentVariable("BURDENSHIFT_CHROMIUM") is { Length: > 0 } configured
                ? configured
                : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
                    ?? throw new InvalidOperationException("Chromium not found: install it (apt-get install chromium) or set BURDENSHIFT_CHROMIUM; or run with --circuits 0.");
    }

    /// <summary>HAProxy as a child process with the settings of deploy/haproxy/haproxy.cfg, on loopback.</summary>
    private sealed class Haproxy : IDisposable
    {
        private readonly Process _process;
        private readonly string _dir;

        private Haproxy(Process process, string dir, int port)
        {
            _process = process;
            _dir = dir;
            BaseUrl = $"http://127.0.0.1:{port}";
        }

        public string BaseUrl { get; }

        public static async Task<Haproxy> StartAsync(IReadOnlyList<int> ports, CancellationToken ct)
        {
            var binary = Environment.GetEnvironmentVariable("BURDENSHIFT_HAPROXY") is { Length: > 0 } configured
                ? configured
                : new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy" }.FirstOrDefault(File.Exists)
                    ?? throw new InvalidOperationException("HAProxy not found: install it (apt-get install haproxy) or set BURDENSHIFT_HAPROXY.");
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var dir = Directory.CreateTempSubdirectory("burdenshift-bench-lb-").FullName;
            var servers = string.Join('\n', ports.Select((p, i) => $"  server app{i + 1} 127.0.0.1:{p} cookie app{i + 1} check inter 1s fall 2 rise 2"));
            await File.WriteAllTextAsync(Path.Combine(dir, "haproxy.cfg"), $"""
                global
                  maxconn 4000
                defaults
                  mode http
                  option forwardfor
                  option redispatch
                  retries 3
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout tunnel 1h
                  timeout http-request 10s
                frontend public
                  bind 127.0.0.1:{port}
                  http-request set-header X-Forwarded-Proto http
                  default_backend app
                backend app
                  balance roundrobin
                  cookie BurdenShift.Server insert indirect nocache httponly
                  option httpchk GET /health/ready
                  http-check expect status 200
                {servers}

                """, ct);
            var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            foreach (var a in new[] { "-db", "-f", Path.Combine(dir, "haproxy.cfg") })
            {
                psi.ArgumentList.Add(a);
            }

            var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start HAProxy.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var haproxy = new Haproxy(process, dir, port);
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, ct);
                    // Give the first health checks a moment to mark both instances up.
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                    return haproxy;
                }
                catch (SocketException)
                {
                    await Task.Delay(100, ct);
                }
            }

            haproxy.Dispose();
            throw new TimeoutException("HAProxy did not start listening.");
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5_000);
            }

            _process.Dispose();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
