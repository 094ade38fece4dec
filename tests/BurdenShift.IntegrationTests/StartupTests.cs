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
        var outcome = await AppProcess.RunAsync(["--urls=http://127.0.0.1:0"], environment);
        return (outcome.ExitCode, [.. outcome.AllLines]);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
