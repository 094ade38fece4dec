using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>
/// The built app (BurdenShift.Web.dll) running as a long-lived process on a free loopback port,
/// as an operator runs an instance: its output collected line by line, stopped with SIGTERM
/// (the host's graceful shutdown) or killed. Also used by the browser tests (linked there).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _workDir;

    private ServiceProcess(Process process, string workDir, int port)
    {
        _process = process;
        _workDir = workDir;
        Port = port;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public int Port { get; }

    public string BaseUrl { get; }

    public IReadOnlyCollection<string> Lines => [.. _lines];

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the app with the given environment (settings as Section__Key) on a free port. The
    /// browser tests run it as Development: only there does the build output (not a publish)
    /// serve the static assets.
    /// </summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, int? port = null, string hostEnvironment = "Production")
    {
        port ??= FreePort();
        var workDir = Directory.CreateTempSubdirectory("burdenshift-svc-").FullName;
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll"));
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = hostEnvironment;
        // appsettings.json from the build output, whatever the working directory.
        psi.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["DOTNET_gcServer"] = "0";
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        var process = new Process { StartInfo = psi };
        var service = new ServiceProcess(process, workDir, port.Value);
        process.OutputDataReceived += (_, e) => service.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => service.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    /// <summary>Waits until /health/ready answers 200; fails with the process's output when it exits or times out.</summary>
    public async Task WaitReadyAsync(int timeoutSeconds = 90)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{string.Join('\n', Lines)}");
            }

            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app was not ready within {timeoutSeconds} s:\n{string.Join('\n', Lines)}");
    }

    /// <summary>Waits until a line containing the text was printed.</summary>
    public async Task WaitForLineAsync(string text, int timeoutSeconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow >= until || _process.HasExited)
            {
                throw new TimeoutException($"The app never printed '{text}':\n{string.Join('\n', Lines)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Asks the host to stop (SIGTERM, what docker stop and systemd send) and waits for the exit.</summary>
    public async Task StopAsync(int timeoutSeconds = 60)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not stop within {timeoutSeconds} s of SIGTERM.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_workDir, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
