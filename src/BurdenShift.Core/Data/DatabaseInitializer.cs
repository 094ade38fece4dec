using System.Data.Common;
using System.Net.Sockets;
using BurdenShift.Core.Data.Seeding;

namespace BurdenShift.Core.Data;

/// <summary>
/// Applies migrations (unless switched off) and seeds an empty database on start-up, under a
/// database-wide <see cref="MigrationLock"/> so instances that start together never race. With
/// migrations switched off it waits, up to <see cref="BurdenShiftSettings.WaitForMigrations"/>,
/// for someone else to apply them.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<BurdenShiftDbContext> dbFactory,
    BurdenShiftSettings settings,
    DatabaseSeeder seeder,
    ILogger<DatabaseInitializer> logger)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>The migrations this instance applied on its last start (empty when another one had).</summary>
    public IReadOnlyList<string> Applied { get; private set; } = [];

    public Task InitializeAsync(CancellationToken ct = default) => InitializeAsync(seed: true, ct);

    /// <summary>Migrations only, nothing seeded: a backup is restored into an empty database.</summary>
    public Task MigrateAsync(CancellationToken ct = default) => InitializeAsync(seed: false, ct);

    private async Task InitializeAsync(bool seed, CancellationToken ct)
    {
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                EnsureSqliteFolder();
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!settings.MigrateOnStartup)
            {
                await WaitForMigrationsAsync(db, ct);
            }

            await using (await MigrationLock.AcquireAsync(settings, ct))
            {
                if (settings.MigrateOnStartup)
                {
                    await ApplyMigrationsAsync(db, ct);
                }

                if (seed)
                {
                    await seeder.SeedAsync(db, settings.SeedDataset, ct);
                }
            }
        }
        catch (Exception ex) when (ex is DbException or SocketException or TimeoutException or InvalidOperationException && IsConnectionFailure(ex))
        {
            throw new StartupConfigurationException(
                $"Cannot open {settings.DescribeTarget()} ({Innermost(ex).Message}): check {BurdenShiftSettings.ConnectionStringKey} " +
                $"and {BurdenShiftSettings.ProviderKey}, and that the database server is running.", ex);
        }
    }

    private async Task ApplyMigrationsAsync(BurdenShiftDbContext db, CancellationToken ct)
    {
        // Read under the lock: an instance that waited for it finds the migrations already applied.
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
            logger.LogInformation("Applied {Count} migration(s) to {Target}: {Migrations}", pending.Count, settings.DescribeTarget(), string.Join(", ", pending));
        }

        Applied = pending;
        logger.LogInformation("Database ready: {Target}", settings.DescribeTarget());
    }

    private async Task WaitForMigrationsAsync(BurdenShiftDbContext db, CancellationToken ct)
    {
        var until = DateTimeOffset.UtcNow + settings.WaitForMigrations;
        var logged = false;
        while (true)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count == 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow >= until)
            {
                var waited = settings.WaitForMigrations > TimeSpan.Zero ? $" after waiting {settings.WaitForMigrations.TotalSeconds:0} s" : "";
                throw new StartupConfigurationException(
                    $"{settings.DescribeTarget()} has {pending.Count} migration(s) that are not applied{waited} and {BurdenShiftSettings.MigrateKey} is false: " +
                    $"apply them with the migrate command (BurdenShift.Web migrate), raise {BurdenShiftSettings.WaitForMigrationsKey}, " +
                    $"or set {BurdenShiftSettings.MigrateKey} to true.");
            }

            if (!logged)
            {
                logger.LogWarning("Waiting up to {Seconds} s for {Count} pending migration(s) on {Target} to be applied (migrate command)",
                    settings.WaitForMigrations.TotalSeconds, pending.Count, settings.DescribeTarget());
                logged = true;
            }

            await Task.Delay(Poll, ct);
        }
    }

    private void EnsureSqliteFolder()
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        if (!settings.UsesDefaultSqliteFile)
        {
            throw new StartupConfigurationException(
                $"The folder of the SQLite file {file} does not exist: create {folder} first, or fix {BurdenShiftSettings.ConnectionStringKey}.");
        }

        Directory.CreateDirectory(folder);
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is DbException or SocketException or TimeoutException || ex.InnerException is DbException or SocketException or TimeoutException;

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
