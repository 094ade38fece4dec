using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace BurdenShift.E2ETests.Infrastructure;

/// <summary>
/// A real HAProxy (installed through apt by test.sh) in front of app instances on loopback, with
/// the settings of deploy/haproxy/haproxy.cfg: WebSockets, a sticky-session cookie for the Blazor
/// circuit, health checks on /health/ready and redispatch when an instance is gone. Runs as a
/// child process with a generated config on a free port; stopped on dispose.
/// BURDENSHIFT_HAPROXY names another binary.
/// </summary>
public sealed class Balancer : IAsyncDisposable
{
    /// <summary>The cookie HAProxy inserts to pin a browser to an instance.</summary>
    public const string StickyCookie = "BurdenShift.Server";

    private readonly Process _process;
    private readonly string _dir;
    private readonly StringBuilder _output = new();

    private Balancer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static string FindHaproxy()
    {
        var configured = Environment.GetEnvironmentVariable("BURDENSHIFT_HAPROXY");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "HAProxy not found. Install it (sudo apt-get install -y haproxy) or run ./test.sh, which installs it; or set BURDENSHIFT_HAPROXY.");
    }

    /// <summary>Starts HAProxy in front of the instances, named by their sticky-cookie value.</summary>
    public static async Task<Balancer> StartAsync(IReadOnlyDictionary<string, int> instances)
    {
        var port = IntegrationTests.Infrastructure.ServiceProcess.FreePort();
        var dir = Directory.CreateTempSubdirectory("burdenshift-lb-").FullName;
        var config = Path.Combine(dir, "haproxy.cfg");
        await File.WriteAllTextAsync(config, Config(port, instances));
        var psi = new ProcessStartInfo(FindHaproxy())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        foreach (var a in new[] { "-db", "-f", config })
        {
            psi.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = psi };
        var balancer = new Balancer(process, dir, port);
        process.OutputDataReceived += (_, e) => balancer.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => balancer.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await balancer.WaitListeningAsync(port);
        return balancer;
    }

    /// <summary>The configuration: the same choices as deploy/haproxy/haproxy.cfg, on loopback.</summary>
    internal static string Config(int port, IReadOnlyDictionary<string, int> instances)
    {
        var servers = string.Join('\n', instances.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"  server {i.Key} 127.0.0.1:{i.Value} cookie {i.Key} check inter 500ms fall 2 rise 2")));
        return $"""
            global
              maxconn 2000

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
              cookie {StickyCookie} insert indirect nocache httponly
              option httpchk GET /health/ready
              http-check expect status 200
            {servers}

            """;
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitListeningAsync(int port)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"HAProxy exited with code {_process.ExitCode}: {_output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"HAProxy did not listen on {port}: {_output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
