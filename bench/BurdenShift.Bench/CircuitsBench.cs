using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BurdenShift.Bench;

/// <summary>
/// "circuits": N overview pages open in Chromium, each its own interactive circuit, against the
/// app hosted in this process (a real Kestrel socket, SQLite, the public-record dataset) so that a
/// forced GC can measure the managed heap each circuit holds. Reports time to interactive, the
/// heap per circuit, the latency of a filter change, and after one CLI import (another process)
/// the SQL commands the app sent and the time until every page shows the new figure.
/// </summary>
internal static class CircuitsBench
{
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- circuits [--pages 25,50,100]";
    private const string Page = "/?asOf=2026-06-30";

    public static async Task<int> RunAsync(string[] args)
    {
        int[] counts = [25, 50, 100];
        if (args is ["circuits", "--pages", var list])
        {
            counts = [.. list.Split(',').Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n : 0)];
        }
        else if (args is not ["circuits"])
        {
            counts = [];
        }

        if (counts.Length == 0 || counts.Contains(0))
        {
            Console.Error.WriteLine(Usage.Trim());
            return 2;
        }

        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the
        // current directory, which is the build output when tests run but not under `dotnet run`.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var rows = new List<string>();
        foreach (var n in counts)
        {
            rows.Add(await RunAsync(n));
        }

        Console.WriteLine();
        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine("| pages | circuits (WebSockets) opened | heap per open page KB | time to settled p50 / p95 ms | filter change ms | SQL commands after an import | refresh after the import's commit p50 / p95 / max ms | server: version answered p50 / p95 ms | server: page re-fetch answered p50 / p95 ms | browser: answered to painted p50 / p95 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static async Task<string> RunAsync(int count)
    {
        await using var app = new InProcessApp();
        using var sql = new CommandCounter(app.DatabaseFile);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
        });

        // Warm-up: JIT, the figures of the date in the shared cache, one circuit come and gone.
        var warm = await browser.NewPageAsync();
        await OpenAsync(warm, app.BaseUrl + Page);
        await warm.CloseAsync();
        await Task.Delay(1000);
        var before = Heap();

        var pages = new List<IPage>();
        var starts = new List<double>();
        var sockets = 0;
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            // An interactive page holds a circuit over a WebSocket; a static reader page (ADR 0015) none.
            page.WebSocket += (_, _) => Interlocked.Increment(ref sockets);
            starts.Add(await OpenAsync(page, app.BaseUrl + Page));
            pages.Add(page);
        }

        var after = Heap();
        var perCircuitKb = (after - before) / 1024.0 / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} pages open: heap per page {perCircuitKb:0} KB"));
        if (Environment.GetEnvironmentVariable("BURDENSHIFT_BENCH_GCDUMP") is { Length: > 0 } dump)
        {
            // A heap snapshot with the pages open (dotnet-gcdump on PATH), to see what a circuit holds.
            using var gcdump = Process.Start("dotnet-gcdump", ["collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", $"{dump}-{count}.gcdump"]);
            await gcdump.WaitForExitAsync();
        }

        var filter = Stopwatch.StartNew();
        await pages[0].GetByTestId("sort").SelectOptionAsync("name");
        await pages[0].WaitForURLAsync(url => url.Contains("sort=name", StringComparison.Ordinal));
        await pages[0].GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        filter.Stop();

        // Each page notes the moment (its clock, the machine's) the new figure appears in its DOM.
        foreach (var page in pages)
        {
            await page.EvaluateAsync(ShownAtScript);
        }

        // One import by the CLI, another process, as an editor's script would run it. The moment it
        // commits is read from the database file itself (plain ADO.NET, not counted), every 5 ms.
        sql.Reset();
        using var committed = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var commit = CommitTimeAsync(app.DatabaseFile, committed.Token);
        var import = await ImportAsync(app.DatabaseFile);
        var changedAt = await commit;
        foreach (var page in pages)
        {
            await page.WaitForFunctionAsync("() => window.__shownAt !== undefined", null, new() { Timeout = 120_000, PollingInterval = 50 });
        }

        // Where the time goes (the machine's clock throughout): the server's part ends when the page's
        // re-fetch is answered (its long poll answered first), the browser's part is from that answer
        // to the new figure in the DOM. A page whose moments were not seen counts in the total only.
        var latencies = new List<double>();
        List<double> versions = [], fetches = [], paints = [];
        foreach (var page in pages)
        {
            var shown = await page.EvaluateAsync<double>("() => window.__shownAt");
            latencies.Add(shown - changedAt);
            var version = await page.EvaluateAsync<double?>("() => window.__versionAt ?? null");
            var fetched = await page.EvaluateAsync<double?>("() => window.__fetchedAt ?? null");
            if (version is { } v)
            {
                versions.Add(v - changedAt);
            }

            if (fetched is { } f)
            {
                fetches.Add(f - changedAt);
                paints.Add(shown - f);
            }
        }

        latencies.Sort();
        versions.Sort();
        fetches.Sort();
        paints.Sort();
        // The watcher's once-a-second poll is left out by the counter; wait a poll more for stragglers.
        await Task.Delay(1500);
        var commands = sql.Count;
        starts.Sort();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {Volatile.Read(ref sockets)} | {perCircuitKb:0} | {starts[starts.Count / 2]:0} / {starts[(int)Math.Ceiling(0.95 * starts.Count) - 1]:0} | {filter.Elapsed.TotalMilliseconds:0} | {commands} | {Percentile(latencies, 0.5):0} / {Percentile(latencies, 0.95):0} / {latencies[^1]:0} | {Split(versions)} | {Split(fetches)} | {Split(paints)} |");
        Console.WriteLine($"{count} pages: heap {before / 1048576.0:0.0} -> {after / 1048576.0:0.0} MiB; import took {import:0} ms");
        Console.WriteLine(line);
        return line;
    }

    // A MutationObserver, so the moment is that of the DOM update, not of a check by the bench; and the
    // moments the long poll and then the page's re-fetch were answered (the last byte received), from
    // the browser's resource timing (timeOrigin + responseEnd is the machine's clock, as Date.now()).
    private const string ShownAtScript = """
        () => {
          window.__shownAt = undefined;
          window.__versionAt = undefined;
          window.__fetchedAt = undefined;
          const check = () => {
            const row = document.querySelector("tr[data-area='drones']");
            if (window.__shownAt === undefined && row && row.textContent.includes("47.3")) window.__shownAt = Date.now();
          };
          new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
          new PerformanceObserver(list => {
            for (const entry of list.getEntries()) {
              const at = performance.timeOrigin + entry.responseEnd;
              if (entry.name.includes("/live/version")) { if (window.__versionAt === undefined) window.__versionAt = at; }
              else if (entry.initiatorType === "fetch" && entry.name.includes("asOf=") && window.__versionAt !== undefined
                && window.__fetchedAt === undefined) window.__fetchedAt = at;
            }
          }).observe({ type: "resource" });
          check();
        }
        """;

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static string Split(List<double> sorted) => sorted.Count == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{Percentile(sorted, 0.5):0} / {Percentile(sorted, 0.95):0}");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    /// <summary>The machine's clock (Unix ms, as the pages' Date.now()) when the database's data version first moves.</summary>
    private static async Task<double> CommitTimeAsync(string databaseFile, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"DataVersion\" FROM \"DatasetInfo\"";
        var before = await command.ExecuteScalarAsync(ct);
        while (true)
        {
            await Task.Delay(5, ct);
            try
            {
                if (!Equals(await command.ExecuteScalarAsync(ct), before))
                {
                    return DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                }
            }
            catch (SqliteException)
            {
                // The import holds the file's write lock for a moment: read again.
            }
        }
    }

    private static async Task<double> OpenAsync(IPage page, string url)
    {
        var start = Stopwatch.GetTimestamp();
        await page.GotoAsync(url);
        await page.GetByTestId("interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    // Twice, so objects freed by finalizers go too.
    private static long Heap()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<double> ImportAsync(string databaseFile)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"burdenshift-circuits-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "area,as_of,europe_share,us_share,source,confidence,note\ndrones,2026-06-29,47.3,45,libya-2011-wsj,low,circuits bench\n");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll"), "import", csv, "--ConnectionStrings:BurdenShift", $"Data Source={databaseFile}", "--Database:Provider", "Sqlite" })
        {
            psi.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(csv);
        return process.ExitCode == 0 ? clock.Elapsed.TotalMilliseconds : throw new InvalidOperationException($"The import failed ({process.ExitCode}):\n{output}");
    }

    private static string Chromium() =>
        Environment.GetEnvironmentVariable("BURDENSHIFT_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Chromium not found: install it (apt-get install chromium) or set BURDENSHIFT_CHROMIUM.");

    /// <summary>The app on a real Kestrel socket in this process, on its own SQLite file with the public-record dataset.</summary>
    private sealed class InProcessApp : WebApplicationFactory<global::Program>
    {
        public InProcessApp()
        {
            UseKestrel(0);
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            BaseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        }

        public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"burdenshift-circuits-{Guid.NewGuid():N}.db");

        public string BaseUrl { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:BurdenShift", $"Data Source={DatabaseFile}");
            builder.UseSetting("Seed:Dataset", "public-record");
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(DatabaseFile);
        }
    }

    /// <summary>EF's commands to one database file, leaving out the watcher's once-a-second version poll.</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _file;
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandCounter(string file)
        {
            _file = file;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandEventData data
                && data.Command.Connection?.DataSource is { } source && source.Contains(_file, StringComparison.Ordinal)
                && !data.Command.CommandText.Contains("\"ChangeSummary\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
