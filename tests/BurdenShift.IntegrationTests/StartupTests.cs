using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BurdenShift.IntegrationTests;

/// <summary>
/// What an operator sees when the configuration is wrong: the built app, started as a process,
/// stops with exit code 1 and one log line naming the setting to fix, without a stack trace.
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task An_unknown_provider_stops_start_up_with_one_line_naming_the_setting()
    {
        var (exitCode, output) = await RunAppAsync(new() { ["Database__Provider"] = "Oracle" });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, l => l.Contains("did not start", StringComparison.Ordinal));
        Assert.Contains("Database:Provider", line);
        Assert.Contains("'Oracle'", line);
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_postgres_stops_start_up_with_one_line_naming_the_connection_string()
    {
        var (exitCode, output) = await RunAppAsync(new()
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__BurdenShift"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=burdenshift;Username=bs;Password=not-a-secret-xyz;Timeout=5",
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, l => l.Contains("did not start", StringComparison.Ordinal));
        Assert.Contains("ConnectionStrings:BurdenShift", line);
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain(output, l => l.Contains("not-a-secret-xyz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_logging_writes_one_json_object_per_line()
    {
        var (exitCode, output) = await RunAppAsync(new() { ["Database__Provider"] = "Oracle", ["Logging__Format"] = "json" });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output, l => l.Contains("did not start", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("Fatal", json.RootElement.GetProperty("@l").GetString());
    }

    private static async Task<(int ExitCode, List<string> Output)> RunAppAsync(Dictionary<string, string> environment)
    {
        var workDir = Directory.CreateTempSubdirectory("burdenshift-start-").FullName;
        try
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BurdenShift.Web.dll"));
            psi.ArgumentList.Add("--urls=http://127.0.0.1:0");
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The app kept running although its configuration is wrong.");
            }

            var lines = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            return (process.ExitCode, lines);
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
