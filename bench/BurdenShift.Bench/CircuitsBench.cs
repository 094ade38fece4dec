using System.Diagnostics;
using System.Globalization;
using BurdenShift.E2ETests.Infrastructure;
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
    public const string Usage = "       dotnet run -c Release --project bench/BurdenShift.Bench -- circuits [--pages 25,50,100] [--browser-nice 10]";
    private const string Page = "/?asOf=2026-06-30";

    public static async Task<int> RunAsync(string[] args)
    {
        int[] counts = [25, 50, 100];
        var nice = 10;
        var ok = args is ["circuits", ..] && args.Length % 2 == 1;
        for (var i = 1; ok && i < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--pages":
                    counts = [.. args[i + 1].Split(',').Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n : 0)];
                    break;
                case "--browser-nice" when int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 19:
                    nice = n;
                    break;
                default:
                    ok = false;
                    break;
            }
        }

        if (!ok || counts.Length == 0 || counts.Contains(0))
        {
            Console.Error.WriteLine(Usage.Trim());
            return 2;
        }

        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the
        // current directory, which is the build output when tests run but not under `dotnet run`.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var rows = new List<string>();
        var loadBefore = BenchStats.LoadAverage();
        foreach (var n in counts)
        {
            rows.Add(await RunAsync(n, nice));
        }

        Console.WriteLine();
        Console.WriteLine($"load average before: {loadBefore}; browsers at niceness {nice}");
        Console.WriteLine("| pages | circuits (WebSockets) opened | heap per open page KB | time to settled p50 / p95 ms | filter change ms | SQL commands after an import | refresh after the import's commit p50 / p95 / max ms | server: version answered p50 / p95 ms | server: page re-fetch answered p50 / p95 ms | browser: answered to painted p50 / p95 ms | browsers' CPU for the refresh ms (per page) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"load average after: {BenchStats.LoadAverage()}");
        return 0;
    }

    private static async Task<string> RunAsync(int count, int nice)
    {
        await using var app = new InProcessApp();
        using var sql = new SqlCommandListener(app.DatabaseFile);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = NicedChromium(nice),
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
        // What the open pages cost their browsers while nothing changes (timers, observers): the baseline
        // of the refresh's CPU below.
        var idleCpu = BrowserCpuMs();
        await Task.Delay(2000);
        idleCpu = (BrowserCpuMs() - idleCpu) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} pages idle: browsers' CPU {idleCpu:0} ms a second ({idleCpu / count:0.0} a page)"));

        sql.Reset();
        var browserCpu = BrowserCpuMs();
        using var committed = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var commit = LiveRefresh.CommitTimeAsync(app.DatabaseFile, committed.Token);
        var import = await LiveRefresh.ImportAsync(app.DatabaseFile);
        var changedAt = await commit;
        foreach (var page in pages)
        {
            await page.WaitForFunctionAsync("() => window.__shownAt !== undefined", null, new() { Timeout = 120_000, PollingInterval = 50 });
        }

        browserCpu = BrowserCpuMs() - browserCpu;

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
            $"| {count} | {Volatile.Read(ref sockets)} | {perCircuitKb:0} | {starts[starts.Count / 2]:0} / {starts[(int)Math.Ceiling(0.95 * starts.Count) - 1]:0} | {filter.Elapsed.TotalMilliseconds:0} | {commands} | {BenchStats.Percentile(latencies, 0.5):0} / {BenchStats.Percentile(latencies, 0.95):0} / {latencies[^1]:0} | {Split(versions)} | {Split(fetches)} | {Split(paints)} | {browserCpu:0} ({browserCpu / count:0}) |");
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

    /// <summary>
    /// The CPU time (user and system, ms) used so far by the Chromium processes this bench started
    /// (descendants of this process in /proc, Linux; 0 elsewhere): what the pages' browsers spend on a
    /// refresh, which on a reader's own machine is not taken from the server's cores.
    /// </summary>
    private static double BrowserCpuMs()
    {
        if (!Directory.Exists("/proc/self"))
        {
            return 0;
        }

        var stats = new Dictionary<int, (int Parent, string Name, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // pid (comm) state ppid ... utime(14) stime(15): the name may hold spaces, so split after ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                stats[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), stat[(stat.IndexOf('(') + 1)..close],
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while it was read.
            }
        }

        bool Mine(int pid)
        {
            for (var p = pid; p > 1 && stats.TryGetValue(p, out var s); p = s.Parent)
            {
                if (s.Parent == Environment.ProcessId)
                {
                    return true;
                }
            }

            return false;
        }

        // Clock ticks of 10 ms (USER_HZ 100 on Linux).
        return stats.Where(kv => kv.Value.Name.StartsWith("chrom", StringComparison.Ordinal) && Mine(kv.Key)).Sum(kv => kv.Value.Ticks) * 10.0;
    }

    private static string Split(List<double> sorted) => sorted.Count == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{BenchStats.Percentile(sorted, 0.5):0} / {BenchStats.Percentile(sorted, 0.95):0}");

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

    private static string Chromium() =>
        Environment.GetEnvironmentVariable("BURDENSHIFT_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Chromium not found: install it (apt-get install chromium) or set BURDENSHIFT_CHROMIUM.");

    /// <summary>
    /// Chromium started through <c>nice</c>: the pages' browsers share this machine's cores with the
    /// app, which a reader's browser, on the reader's own machine, never does. At the default niceness
    /// (10) the app is served first, as on a server of its own, and the browsers still share what is
    /// left among themselves (their part of the refresh is measured as it is); 0 runs them as equals.
    /// </summary>
    private static string NicedChromium(int nice)
    {
        if (nice == 0 || OperatingSystem.IsWindows())
        {
            return Chromium();
        }

        var wrapper = Path.Combine(Path.GetTempPath(), $"burdenshift-chromium-nice{nice}.sh");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec nice -n {nice} {Chromium()} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return wrapper;
    }
}
