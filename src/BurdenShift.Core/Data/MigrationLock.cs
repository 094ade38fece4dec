using Microsoft.Data.Sqlite;
using Npgsql;

namespace BurdenShift.Core.Data;

/// <summary>
/// A database-wide lock held around migrate-and-seed, so instances that start together take
/// turns: the first applies the migrations and seeds, the others find nothing left to do.
/// PostgreSQL: a session advisory lock on a connection of its own. SQLite: an exclusive lock on
/// a file next to the database (a write transaction would also block the migration itself).
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>An arbitrary application-wide key; "BurdenSh" as ASCII.</summary>
    internal const long AdvisoryKey = 0x4275_7264_656E_5368;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private MigrationLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    /// <summary>Waits for the lock up to the settings' timeout; throws <see cref="StartupConfigurationException"/> after it.</summary>
    public static async Task<MigrationLock> AcquireAsync(BurdenShiftSettings settings, CancellationToken ct)
    {
        var until = DateTimeOffset.UtcNow + settings.MigrationLockTimeout;
        return settings.Provider == DatabaseProvider.Postgres
            ? await AcquirePostgresAsync(settings, until, ct)
            : await AcquireFileAsync(settings, until, ct);
    }

    private static async Task<MigrationLock> AcquirePostgresAsync(BurdenShiftSettings settings, DateTimeOffset until, CancellationToken ct)
    {
        // Not pooled: the lock belongs to this session and must end with it, whatever happens.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryKey);
            while (!(bool)(await command.ExecuteScalarAsync(ct))!)
            {
                await WaitOrTimeOutAsync(settings, until, ct);
            }

            return new MigrationLock(connection, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<MigrationLock> AcquireFileAsync(BurdenShiftSettings settings, DateTimeOffset until, CancellationToken ct)
    {
        var dataSource = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (dataSource is ":memory:" or "")
        {
            return new MigrationLock(null, null);
        }

        var path = Path.GetFullPath(dataSource) + ".migrate-lock";
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix, released when the stream closes.
                return new MigrationLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await WaitOrTimeOutAsync(settings, until, ct);
            }
        }
    }

    private static async Task WaitOrTimeOutAsync(BurdenShiftSettings settings, DateTimeOffset until, CancellationToken ct)
    {
        if (DateTimeOffset.UtcNow >= until)
        {
            throw new StartupConfigurationException(
                $"Another instance held the migration lock on {settings.DescribeTarget()} for more than {settings.MigrationLockTimeout.TotalSeconds:0} s " +
                $"({BurdenShiftSettings.MigrationLockTimeoutKey}): check for a stuck instance or migrate command.");
        }

        await Task.Delay(Poll, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
                command.Parameters.AddWithValue("key", AdvisoryKey);
                await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // A broken session has released its locks already; closing it below is enough.
            }
            finally
            {
                await _connection.DisposeAsync();
            }
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
