using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BurdenShift.IntegrationTests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the tests: the server named by BURDENSHIFT_TEST_PG (a connection string
/// whose user may create databases), or else a throwaway cluster started from the machine's
/// PostgreSQL binaries on a free loopback port and removed afterwards. Each test asks for a
/// database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "BURDENSHIFT_TEST_PG";
    private const string InstallHint =
        "Install PostgreSQL (sudo apt-get install -y postgresql) or run ./test.sh, which installs it; " +
        "or set " + EnvironmentVariable + " to a connection string of a server where the user may create databases.";

    private string? _dataRoot;
    private string? _binDir;
    private bool _asPostgresUser;
    private string _adminConnectionString = "";
    private bool _dedicated;

    /// <summary>
    /// A cluster of its own on this machine (even when BURDENSHIFT_TEST_PG names a server), for a
    /// test that restarts it without disturbing the others. Dispose it when done.
    /// </summary>
    public static async Task<PostgresServer> StartDedicatedAsync()
    {
        var server = new PostgresServer { _dedicated = true };
        await server.InitializeAsync();
        return server;
    }

    /// <summary>Restarts the dedicated cluster as an operator would (fast shutdown: open connections are cut).</summary>
    public Task RestartAsync()
    {
        if (!_dedicated || _dataRoot is null || _binDir is null)
        {
            throw new InvalidOperationException("Only a dedicated cluster may be restarted.");
        }

        // -l again: without it the server would write to (and hold open) pg_ctl's output.
        return RunAsync(Path.Combine(_binDir, "pg_ctl"),
            ["-D", Path.Combine(_dataRoot, "data"), "-l", Path.Combine(_dataRoot, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"], _asPostgresUser);
    }

    public async Task InitializeAsync()
    {
        var external = _dedicated ? null : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        _binDir = FindBinDir() ?? throw new InvalidOperationException($"PostgreSQL server binaries (initdb, pg_ctl) not found. {InstallHint}");
        _asPostgresUser = Environment.UserName == "root";
        _dataRoot = Directory.CreateTempSubdirectory("burdenshift-pg-").FullName;
        if (_asPostgresUser)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["postgres:postgres", _dataRoot], asPostgres: false);
        }

        var port = FreePort();
        var data = Path.Combine(_dataRoot, "data");
        await RunAsync(Path.Combine(_binDir, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], _asPostgresUser);
        await RunAsync(Path.Combine(_binDir, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(_dataRoot, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {_dataRoot} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start",
        ], _asPostgresUser);
        _adminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"bs_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(_adminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(_adminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dataRoot is null || _binDir is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", Path.Combine(_dataRoot, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser);
        }
        finally
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
    }

    private static string? FindBinDir()
    {
        var root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} failed with exit code {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
