using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BurdenShift.Bench;

/// <summary>
/// The built app (BurdenShift.Web.dll from this project's output) started with `dotnet` as a
/// child process on a free loopback port: the same host, middleware and logging as production,
/// and no benchmark code in its process to skew the timings.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    // The last lines the app wrote, to explain a failed start.
    private readonly ConcurrentQueue<string> _tail = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// The app's peak resident memory so far (VmHWM of /proc/PID/status, Linux), in bytes; null elsewhere.
    /// `dotnet app.dll` runs the app in the process it starts, so that is the app's own.
    /// </summary>
    public long? PeakMemoryBytes
    {
        get
        {
            var status = $"/proc/{_process.Id}/status";
            if (!File.Exists(status))
            {
                return null;
            }

            var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    public static AppProcess Start(string provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("BurdenShift.Web.dll is not next to the bench: build bench/BurdenShift.Bench.", dll);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        psi.Environment["ConnectionStrings__BurdenShift"] = connectionString;
        psi.Environment["Database__Provider"] = provider;
        // The bench has seeded already; this only guards against the public-record data being added.
        psi.Environment["Seed__Dataset"] = "none";
        // Development serves the static assets from the build output, as `dotnet run` does.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start dotnet.");
        var app = new AppProcess(process, baseAddress);
        // Drain both pipes: a full pipe would block the app's logging and so its requests.
        process.OutputDataReceived += (_, e) => app.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => app.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls /health/ready (migrated database that answers) for at most 60 seconds.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{Tail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "/health/ready"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"The app was not ready after {ReadyTimeout.TotalSeconds:0} s:\n{Tail}");
    }

    public void Dispose()
    {
        try
        {
            // The whole tree: `dotnet app.dll` may leave the app itself behind otherwise.
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.Dispose();
    }

    private string Tail => string.Join('\n', _tail);

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > 40 && _tail.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
